/** What the load bench drives: a path, and the users who call it in turn. */
export interface Session {
  token: string;
  csrfToken: string;
}

/** One user's request on a path: their session and their own case's address. */
export interface Caller {
  session: Session;
  url: string;
}

export interface PathSpec {
  label: string;
  /** The raw-SQL baseline answers this path too (bench/raw-baseline-server.ts). */
  raw?: true;
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Who makes the request, taken in turn: one user, or the staff of many agencies. */
  callers: Caller[];
}

/** The write of the mix: an informal contact between the two sides of a case. */
export const INFORMAL_CONTACT = {
  occurredOn: '2026-03-01',
  withWhom: 'Victim support',
  summary: 'Agreed the next meeting.',
};
