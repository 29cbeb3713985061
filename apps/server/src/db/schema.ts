import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely's view of the tables the migrations create. Keep in step with db/migrations. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface NetworkTable {
  id: Generated<string>;
  name: string;
  region: string | null;
  meeting_interval_days: Generated<number>;
  created_at: Generated<Date>;
}

export interface AgencyTable {
  id: Generated<string>;
  name: string;
  kind: string;
  region: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface NetworkMembershipTable {
  network_id: string;
  agency_id: string;
  joined_at: Generated<Date>;
}

export interface AppUserTable {
  id: Generated<string>;
  agency_id: string | null;
  email: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  side: string;
  language: Generated<string>;
  active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  totp_secret_enc: string | null;
  totp_pending_secret_enc: string | null;
  totp_last_used_step: ColumnType<string | null, number | null, number | null>;
  mfa_enrolled_at: Timestamp | null;
  failed_sign_ins: Generated<number>;
  locked_until: Timestamp | null;
  last_sign_in_at: Timestamp | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  stage: string;
  mfa_skipped: Generated<boolean>;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface RateLimitCounterTable {
  key: string;
  window_started_at: Timestamp;
  hits: number;
}

export interface AuditEventTable {
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  actor_side: string | null;
  action: string;
  outcome: string;
  resource_type: string | null;
  resource_id: string | null;
  subject_person_id: string | null;
  basis: Json | null;
  details: Json;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: Generated<Date>;
}

export interface Database {
  network: NetworkTable;
  agency: AgencyTable;
  network_membership: NetworkMembershipTable;
  app_user: AppUserTable;
  recovery_code: RecoveryCodeTable;
  user_session: UserSessionTable;
  rate_limit_counter: RateLimitCounterTable;
  audit_event: AuditEventTable;
  schema_migration: SchemaMigrationTable;
}

export type AgencyRow = Selectable<AgencyTable>;
export type NetworkRow = Selectable<NetworkTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type UserSessionRow = Selectable<UserSessionTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
