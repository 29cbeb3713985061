import type { TableName } from '../db/schema.js';

/**
 * Which writes tell the open pages of a case that something changed (README, "Live updates"),
 * and how to find, in the row written, the topics it belongs to and the key to read it again.
 *
 * A signal carries no content: only the table, the key and the topics. Whether a subscriber is
 * told is decided later, for each subscriber, by reading the row again through their own policy
 * (live/live.service.ts): a row they may not read tells them nothing, not even that it exists.
 */
export interface LiveSignal {
  table: TableName;
  key: Record<string, string>;
  topics: string[];
}

type Row = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const caseTopic = (row: Row) => (text(row.joint_case_id) ? [`case:${row.joint_case_id}`] : []);
const meetingTopics = (...ids: unknown[]) => ids.map(text).flatMap((id) => (id ? [`meeting:${id}`] : []));
const byId = (row: Row) => (text(row.id) ? { id: String(row.id) } : null);

const LIVE_TABLES: Partial<
  Record<TableName, { key: (row: Row) => Record<string, string> | null; topics: (row: Row) => string[] }>
> = {
  case_meeting: { key: byId, topics: (row) => [...caseTopic(row), ...meetingTopics(row.id)] },
  meeting_agenda_item: {
    key: (row) =>
      text(row.meeting_id) && text(row.item)
        ? { meeting_id: String(row.meeting_id), item: String(row.item) }
        : null,
    topics: (row) => meetingTopics(row.meeting_id),
  },
  qualitative_note: { key: byId, topics: (row) => meetingTopics(row.meeting_id) },
  action_item: {
    key: byId,
    topics: (row) => [
      ...caseTopic(row),
      ...meetingTopics(row.created_in_meeting_id, row.last_reviewed_meeting_id),
    ],
  },
  agreed_risk_level: { key: byId, topics: caseTopic },
  agreed_level_proposal: { key: byId, topics: caseTopic },
  recidivism_episode: { key: byId, topics: caseTopic },
  instrument_response: { key: byId, topics: caseTopic },
  risk_consultation: { key: byId, topics: caseTopic },
  case_event: { key: byId, topics: caseTopic },
};

/** The signal of one written row, or null where the table tells no page. */
export function liveSignalOf(table: TableName, row: Row): LiveSignal | null {
  const entry = LIVE_TABLES[table];
  if (!entry) return null;
  const key = entry.key(row);
  const topics = entry.topics(row);
  return key && topics.length > 0 ? { table, key, topics } : null;
}
