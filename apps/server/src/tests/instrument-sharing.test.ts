import { describe, expect, it } from 'vitest';
import { caseWorld, isoDay, must } from '../testing/case-builder.js';

/** What she told her service in the instruments (docs/domain.md), through the API and checked in the database. */

const { world, openCase } = caseWorld();

describe('what she told her service in the instruments', () => {
  it('reaches a further agency of the case only with her consent naming it, never her notes', async () => {
    const { clients, agencies } = world.scenario;
    // The police receive his risk information under the agreement; her consent names only the programme.
    const made = await openCase({
      policeReceives: ['programme', 'safety_concerns', 'risk', 'recidivism', 'questionnaires'],
      consents: [{ scope: 'share_risk_information' }],
    });
    await must(
      clients.vssManager.post('/api/instrument-responses', {
        instrumentId: 'asap-risk-checklist',
        version: 1,
        jointCaseId: made.jointCaseId,
        subject: 'case',
        completedOn: isoDay(-3),
        answers: { strangulation: { value: 'yes', source: 'her', note: 'He choked her last spring' } },
      }),
      201,
      'her checklist',
    );
    await must(
      clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/recidivism`, {
        occurredOn: isoDay(-3),
        forms: ['stalking'],
        severity: 'moderate',
        source: 'her',
        description: 'He waited outside her workplace',
      }),
      201,
      'her recidivism report',
    );
    await must(
      clients.vssManager.post('/api/instrument-responses', {
        instrumentId: 'impact-her',
        version: 1,
        jointCaseId: made.jointCaseId,
        subject: 'her',
        timepoint: 'T0',
        completedOn: isoDay(-3),
        answers: { physical: { value: 2 }, insults: { value: 4 } },
      }),
      201,
      'her IMPACT',
    );

    // Writes follow the reads: holding his questionnaires is no licence to record hers, nor to attribute a report to her.
    const refusedBefore = await world.build.lastAuditId();
    const herImpactByPolice = await clients.police.post('/api/instrument-responses', {
      instrumentId: 'impact-her',
      version: 1,
      jointCaseId: made.jointCaseId,
      subject: 'her',
      timepoint: 'T1',
      completedOn: isoDay(-2),
      answers: { physical: { value: 0 } },
    });
    expect(herImpactByPolice.statusCode).toBe(404);
    const herReportByPolice = await clients.police.post(`/api/joint-cases/${made.jointCaseId}/recidivism`, {
      occurredOn: isoDay(-2),
      forms: ['threats'],
      severity: 'moderate',
      source: 'her',
    });
    expect(herReportByPolice.statusCode).toBe(404);
    const refusals = await world.system.database.db
      .selectFrom('audit_event')
      .select(['action', 'resource_type'])
      .where('id', '>', refusedBefore)
      .where('outcome', '=', 'denied')
      .where('actor_user_id', '=', world.scenario.users.police.id)
      .execute();
    expect(refusals).toEqual(
      expect.arrayContaining([
        { action: 'instrument.record', resource_type: 'instrument_response' },
        { action: 'recidivism.record', resource_type: 'recidivism_episode' },
      ]),
    );
    const policeRows = await world.system.database.db
      .selectFrom('instrument_response')
      .select('id')
      .where('joint_case_id', '=', made.jointCaseId)
      .where('owner_agency_id', '=', agencies.police.id)
      .execute();
    expect(policeRows).toEqual([]);

    const strangulation = (view: { items: Array<{ itemId: string; victimSide: unknown }> }) =>
      view.items.find((item) => item.itemId === 'strangulation')?.victimSide;
    const risk = await clients.police.get(`/api/joint-cases/${made.jointCaseId}/risk`);
    expect(risk.statusCode).toBe(200);
    expect(risk.body).not.toContain('choked');
    expect(strangulation(risk.json())).toEqual({ value: null, withheld: true });
    const recidivism = await clients.police.get(`/api/joint-cases/${made.jointCaseId}/recidivism`);
    expect(recidivism.body).not.toContain('workplace');
    expect(recidivism.json().episodes).toEqual([]);
    // No count tells them she reported anything: her report is not among their rows, and no total includes it.
    expect(recidivism.json().periods).toEqual([]);
    const impact = (await clients.police.get(`/api/joint-cases/${made.jointCaseId}/impact`)).json();
    expect(impact.points[0]).toMatchObject({ timepoint: 'T0', her: null, herWithheld: true });

    // The programme, which her consent names, gets her items as values with no source at all, still without her notes.
    const forPp = await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}/risk`);
    expect(forPp.body).not.toContain('choked');
    expect(strangulation(forPp.json())).toEqual({ value: 'yes' });

    // With her consent naming the police, they get the items the same way.
    await must(
      clients.vssManager.post(`/api/victims/${made.herId}/consents`, {
        scope: 'share_risk_information',
        recipientAgencyId: agencies.police.id,
        givenOn: isoDay(0),
      }),
      201,
      'consent naming the police',
    );
    const withConsent = await clients.police.get(`/api/joint-cases/${made.jointCaseId}/risk`);
    expect(withConsent.body).not.toContain('choked');
    expect(strangulation(withConsent.json())).toEqual({ value: 'yes' });
    // Her report reaches them merged with the agencies' as "another source", with no description of hers.
    const merged = (await clients.police.get(`/api/joint-cases/${made.jointCaseId}/recidivism`)).json();
    expect(JSON.stringify(merged)).not.toContain('workplace');
    expect(merged.episodes.map((episode: { source: string }) => episode.source)).toEqual(['another_source']);
    expect(merged.periods).toEqual([
      { period: isoDay(-3).slice(0, 7), him: 0, otherSources: 1, possibleMinimisation: true },
    ]);
    // Her own service sees everything she said.
    const forVss = (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/risk`)).json();
    expect(forVss.victimSide.answers.strangulation).toEqual({
      value: 'yes',
      source: 'her',
      note: 'He choked her last spring',
    });
  });
});
