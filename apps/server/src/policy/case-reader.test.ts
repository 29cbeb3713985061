import { randomUUID } from 'node:crypto';
import type { InformationKind, Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { type CaseReader, caseReaderOf, type JointCaseFacts } from './case-reader.js';
import { caseRelation } from './joint-case.policy.js';
import { matchesRowFilter } from './row-filter.js';

/**
 * Who an actor is to one joint case (policy/case-reader.ts), and that it agrees with the row
 * filters that decide the same questions in SQL (caseRelation in policy/joint-case.policy.ts).
 */

const pp = randomUUID();
const vss = randomUUID();
const police = randomUUID();
const combined = randomUUID();
const herId = randomUUID();

const who = (roles: Role[], side: Side, agencyId: string | null): Actor => actor({ roles, side, agencyId });
const ppManager = who(['pp_case_manager'], 'perpetrator', pp);
const ppColleague = who(['pp_case_manager'], 'perpetrator', pp);
const vssManager = who(['vss_case_manager'], 'victim', vss);
const partnerContact = who(['partner_contact_worker'], 'victim', vss);
const liaison = who(['agency_liaison'], 'neutral', police);
const elsewhere = who(['partner_contact_worker'], 'victim', combined);
const combinedPp = who(['pp_case_manager'], 'perpetrator', combined);

const facts = (ppAgency = pp, vssAgency = vss): JointCaseFacts => ({
  id: randomUUID(),
  ppAgencyId: ppAgency,
  vssAgencyId: vssAgency,
  ppCaseManagerId: ppManager.userId,
  vssCaseManagerId: vssManager.userId,
  partnerContactWorkerId: partnerContact.userId,
});
const held = (aboutHer: InformationKind[] = [], aboutHim: InformationKind[] = []) => ({
  aboutHim: new Set(aboutHim),
  aboutHer: new Set(aboutHer),
});

type Expected = Pick<CaseReader, 'hisProgramme' | 'herService' | 'herRiskShared' | 'caseManager' | 'namedOn'>;
const is = (
  hisProgramme: boolean,
  herService: boolean,
  herRiskShared: boolean,
  caseManager: boolean,
  namedOn: boolean,
): Expected => ({
  hisProgramme,
  herService,
  herRiskShared,
  caseManager,
  namedOn,
});

describe('caseReaderOf', () => {
  it.each<[string, Actor, JointCaseFacts, ReturnType<typeof held>, Expected]>([
    // name, actor, case, grants held → his programme, her service, her risk shared, case manager, named on
    ['the programme’s named case manager', ppManager, facts(), held(), is(true, false, false, true, true)],
    ['his colleague at the programme', ppColleague, facts(), held(), is(true, false, false, false, false)],
    [
      'the programme, with her consent to share risk',
      ppColleague,
      facts(),
      held(['shared_risk']),
      is(true, false, true, false, false),
    ],
    ['her named case manager', vssManager, facts(), held(), is(false, true, true, true, true)],
    [
      'the partner-contact worker named on it',
      partnerContact,
      facts(),
      held(),
      is(false, true, true, false, true),
    ],
    [
      'a service elsewhere holding her file',
      elsewhere,
      facts(),
      held(['victim_core']),
      is(false, true, true, false, false),
    ],
    [
      'a service elsewhere holding only her contact details',
      elsewhere,
      facts(),
      held(['victim_contact']),
      is(false, false, false, false, false),
    ],
    ['the police party', liaison, facts(), held([], ['programme']), is(false, false, false, false, false)],
    [
      'the police with her consent to share risk',
      liaison,
      facts(),
      held(['shared_risk']),
      is(false, false, true, false, false),
    ],
    [
      'the PP side of her service’s organisation',
      combinedPp,
      facts(pp, combined),
      held(),
      is(false, false, false, false, false),
    ],
    [
      'a named case manager who lost the case roles',
      { ...vssManager, roles: ['agency_admin'] },
      facts(),
      held(),
      is(false, false, false, true, true),
    ],
  ])('%s', (_name, subject, jointCase, grants, expected) => {
    const reader = caseReaderOf(subject, jointCase, grants);
    expect(reader).toMatchObject({ ...expected, jointCaseId: jointCase.id });
  });

  it.each<[string, Actor, JointCaseFacts, ReturnType<typeof held>]>([
    ['the programme', ppManager, facts(), held()],
    ['her service', partnerContact, facts(), held()],
    ['a service elsewhere holding her file', elsewhere, facts(), held(['victim_core'])],
    ['a service elsewhere without it', elsewhere, facts(), held()],
    ['the police', liaison, facts(), held()],
    ['the PP side of the combined organisation', combinedPp, facts(combined, combined), held()],
  ])('agrees with the row filters: %s', (_name, subject, jointCase, grants) => {
    const reader = caseReaderOf(subject, jointCase, grants);
    const row = {
      id: jointCase.id,
      pp_agency_id: jointCase.ppAgencyId,
      vss_agency_id: jointCase.vssAgencyId,
      partner_person_id: herId,
      pp_case_manager_id: jointCase.ppCaseManagerId,
      vss_case_manager_id: jointCase.vssCaseManagerId,
      partner_contact_worker_id: jointCase.partnerContactWorkerId,
    };
    const grantFacts = {
      grants: [...grants.aboutHer].map((kind) => ({
        subjectPersonId: herId,
        agencyId: subject.agencyId!,
        side: subject.side,
        kind,
        validFrom: null,
        validTo: null,
      })),
    };
    expect(matchesRowFilter(caseRelation.hisProgramme(subject), row, grantFacts)).toBe(reader.hisProgramme);
    expect(matchesRowFilter(caseRelation.herService(subject), row, grantFacts)).toBe(reader.herService);
    expect(matchesRowFilter(caseRelation.caseManager(subject), row, grantFacts)).toBe(reader.caseManager);
    expect(matchesRowFilter(caseRelation.namedOn(subject), row, grantFacts)).toBe(reader.namedOn);
  });
});
