import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { TABLE_POLICIES } from './tables.js';

/**
 * Free text about a client is encrypted at rest (AES-256-GCM in the application, columns named
 * `*_enc`), like her contact details: what she said, what her worker wrote, joint notes that may
 * hold where she is. A text column of a client table stays in clear only if it is listed here with
 * the reason; a new clear one fails this test until it is encrypted or justified.
 */
const CLEAR_BY_DESIGN: Record<string, string> = {
  // Codes, states and enumerations: no free text.
  'action_item.status': 'state',
  'action_item.owner_side': 'side',
  'action_item.level_action_key': 'level action id',
  'agreed_risk_level.level': 'level id',
  'agreed_level_proposal.level': 'level id',
  'agreed_level_proposal.from_level': 'level id',
  'agreed_level_proposal.proposed_side': 'side',
  'agreed_level_proposal.status': 'state',
  'attendance.status': 'state',
  'case_event.owner_side': 'side',
  'case_event.event_type': 'enumeration',
  'case_event.kind': 'enumeration',
  'case_event.source': 'enumeration',
  'case_event.trigger_id': 'trigger id',
  'case_event.trigger_facts': 'counts, thresholds and months',
  'case_meeting.kind': 'enumeration',
  'case_meeting.mode': 'enumeration',
  'case_meeting.status': 'state',
  'case_meeting.attendance': 'user ids',
  'case_meeting.time_zone': 'zone name',
  'child_assessment_record.parent_consent_from': 'enumeration',
  'child_assessment_record.owner_side': 'side',
  'child_assessment_record.instrument_id': 'instrument id',
  'child_assessment_record.refused_items': 'item ids',
  'child_assessment_record.computed_level': 'level id',
  'child_assessment_record.judged_level': 'level id',
  'child_assessment_record.level': 'level id',
  'consent.scope': 'enumeration',
  'contact_preference.safe_channel': 'enumeration',
  'duty_to_inform.trigger': 'enumeration',
  'duty_to_inform.state': 'state',
  'instrument_response.instrument_id': 'instrument id',
  'instrument_response.owner_side': 'side',
  'instrument_response.info_kind': 'enumeration',
  'instrument_response.timepoint': 'timepoint code',
  'instrument_response.computed_level': 'level id',
  'instrument_response.judged_level': 'level id',
  'instrument_response.instrument_kind': 'enumeration',
  'instrument_response.area_scores': 'numbers per area',
  'instrument_response.tier_counts': 'numbers per tier',
  'joint_case.case_number': 'generated number',
  'joint_case.status': 'state',
  'meeting_agenda_item.item': 'enumeration',
  'meeting_agenda_item.status': 'state',
  'partner_contact.channel': 'enumeration',
  'partner_contact.outcome': 'enumeration',
  'partner_contact.topics_covered': 'enumerations',
  'partner_referral.relationship': 'enumeration',
  'person.kind': 'enumeration',
  'person.owner_side': 'side',
  'pp_episode.pathway': 'enumeration',
  'pp_episode.programme_type': 'enumeration',
  'pp_episode.status': 'state',
  'pp_status_change.from_status': 'state',
  'pp_status_change.to_status': 'state',
  'qualitative_note.author_side': 'side',
  'qualitative_note.concern_level': 'enumeration',
  'recidivism_episode.forms': 'enumerations',
  'recidivism_episode.severity': 'enumeration',
  'recidivism_episode.source': 'enumeration',
  'recidivism_episode.owner_side': 'side',
  'risk_consultation.owner_side': 'side',
  'release_of_information.scope': 'information kinds',
  'safety_plan.kind': 'enumeration',
  'shared_item.recipient_side': 'side',
  'serious_harm_share.recipient_side': 'side',
  'serious_harm_share.at_risk': 'who is at risk: her, a child, another person',
  'serious_harm_share.lawful_basis': 'lawful basis code',
  'serious_harm_share.legal_reference':
    'the provision relied on: a citation, the basis the audit records too',
  'serious_harm_share.status': 'state',
  'serious_harm_share.telling_status': 'state',
  'serious_harm_review.outcome': 'review outcome code',
  'shared_item.basis': 'ids of the agreement and consent',
  'vss_episode.status': 'state',
  // Names: search needs them (trigram index); the row policy decides who sees a person at all.
  'person.first_name': 'name, for search',
  'person.last_name': 'name, for search',
  'person.search_name': 'normalised name, for search',
  // His programme's own records of him: never hers, never about where she is.
  'pp_episode.court_order': 'his order: court, reference, conditions',
  'pp_episode.assessment': 'the programme’s assessment of him',
  'pp_episode.schedule': 'his sessions',
  'pp_status_change.reason': 'why his status changed',
  'attendance.note': 'his attendance',
  'duty_to_inform.reason': 'why his status changed, copied from his programme’s record of it',
};

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDatabase({});
  await migrate(handle);
});
afterAll(() => handle?.close());

describe('free text about a client', () => {
  it('is encrypted at rest unless listed, with a reason, as clear by design', async () => {
    const columns = (
      await sql<{ table_name: string; column_name: string }>`
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'ARRAY', 'character varying', 'jsonb')
        ORDER BY table_name, ordinal_position`.execute(handle.db)
    ).rows;
    const clear = columns
      .filter(
        (column) => TABLE_POLICIES[column.table_name as keyof typeof TABLE_POLICIES]?.holds === 'client',
      )
      .filter((column) => !column.column_name.endsWith('_enc'))
      .map((column) => `${column.table_name}.${column.column_name}`);
    expect(clear.filter((column) => !(column in CLEAR_BY_DESIGN))).toEqual([]);
  });
});
