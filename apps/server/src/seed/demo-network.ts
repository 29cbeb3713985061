import type { AgencyKind, DirectoryTargetGroup, Role, Side } from '@tandem/shared';
import { type Kysely, sql } from 'kysely';
import { systemDb } from '../data/system-db.js';
import { inAuditedTransaction } from '../data/transaction.js';
import type { Database } from '../db/schema.js';
import { hashPassword } from '../security/passwords.js';

/**
 * The demo network created on first start in demo mode: a perpetrator programme, a women's
 * support centre, an organisation that runs both behind an information barrier, police,
 * probation, child protection, a substance-abuse service and the network office — with one
 * account for every role of docs/domain.md, "Who uses it". All names are invented.
 */
export const DEMO_PASSWORD = 'tandem-demo-2026';

/** Bologna: the network's "today" and its meeting times are Rome's (docs/domain.md, "Time"). */
export const DEMO_NETWORK = {
  name: 'Rete Antiviolenza Demo (Bologna)',
  region: 'Emilia-Romagna',
  time_zone: 'Europe/Rome',
};

export const DEMO_AGENCIES: ReadonlyArray<{ name: string; kind: AgencyKind }> = [
  { name: 'Oltre — Perpetrator Programme', kind: 'perpetrator_programme' },
  { name: "Casa delle Donne — Women's Support Centre", kind: 'victim_support' },
  { name: 'Ponte — Family Violence Services', kind: 'combined_pp_vss' },
  { name: 'Polizia di Stato — Questura', kind: 'police' },
  { name: 'UEPE — Probation Office', kind: 'probation' },
  { name: 'Child Protection Service', kind: 'child_protection' },
  { name: 'SerD — Substance-Abuse Service', kind: 'substance_abuse' },
  { name: 'Network Office', kind: 'other' },
];

/**
 * What each demo agency tells the region in the service directory (README, "Service directory"):
 * a town or region, never a street address. Every line and address is invented (.invalid).
 */
export const DEMO_DIRECTORY: Readonly<
  Record<
    string,
    {
      region: string;
      approach: string;
      targetGroups: DirectoryTargetGroup[];
      languages: string[];
      providesPartnerContact: boolean;
      contactPoints: { label: string; phone?: string; email?: string }[];
    }
  >
> = {
  'Oltre — Perpetrator Programme': {
    region: 'Bologna',
    approach:
      'Gender-based group programme for men who use violence (WWP EN standards): 24 weekly sessions after an individual intake; works only alongside partner contact by a women’s service.',
    targetGroups: ['men_using_violence'],
    languages: ['it', 'en', 'ro'],
    providesPartnerContact: false,
    contactPoints: [
      { label: 'Referrals from professionals', phone: '+39 051 000 1001', email: 'referrals@oltre.invalid' },
    ],
  },
  "Casa delle Donne — Women's Support Centre": {
    region: 'Bologna',
    approach:
      'Feminist, woman-centred support: counselling, safety planning, legal advice, shelter places (location never given out), and partner contact for the programmes of the network.',
    targetGroups: ['women', 'children_young_people', 'migrants_refugees'],
    languages: ['it', 'en', 'fr', 'ar', 'es'],
    providesPartnerContact: true,
    contactPoints: [
      { label: 'Line for professionals (weekdays 9–17)', phone: '+39 051 000 2001' },
      { label: 'Partner contact desk', email: 'partner.contact@casadonne.invalid' },
    ],
  },
  'Ponte — Family Violence Services': {
    region: 'Imola',
    approach:
      'A perpetrator programme and a women’s service in one organisation, behind an information barrier; individual and group work, partner contact by the women’s team.',
    targetGroups: ['men_using_violence', 'women', 'children_young_people'],
    languages: ['it', 'en'],
    providesPartnerContact: true,
    contactPoints: [
      { label: 'Intake for professionals', phone: '+39 0542 000 301', email: 'intake@ponte.invalid' },
    ],
  },
  'Polizia di Stato — Questura': {
    region: 'Bologna',
    approach: 'Domestic-violence unit: risk assessments, warnings (ammonimento), protection orders.',
    targetGroups: ['professionals'],
    languages: ['it', 'en'],
    providesPartnerContact: false,
    contactPoints: [{ label: 'Domestic-violence unit', phone: '+39 051 000 4001' }],
  },
  'UEPE — Probation Office': {
    region: 'Emilia-Romagna',
    approach: 'Probation: court-ordered programme attendance and its conditions, reports to the court.',
    targetGroups: ['men_using_violence', 'professionals'],
    languages: ['it'],
    providesPartnerContact: false,
    contactPoints: [{ label: 'Duty officer', email: 'duty@uepe.invalid' }],
  },
  'Child Protection Service': {
    region: 'Bologna',
    approach: 'Assessments of children exposed to violence, support for the protective parent.',
    targetGroups: ['children_young_people'],
    languages: ['it', 'en'],
    providesPartnerContact: false,
    contactPoints: [{ label: 'Referrals', phone: '+39 051 000 6001' }],
  },
  'SerD — Substance-Abuse Service': {
    region: 'Bologna',
    approach: 'Treatment for alcohol and drug use, coordinated with the perpetrator programme.',
    targetGroups: ['men_using_violence', 'women'],
    languages: ['it', 'en', 'ar'],
    providesPartnerContact: false,
    contactPoints: [{ label: 'Intake', phone: '+39 051 000 7001' }],
  },
};

export interface DemoAccount {
  email: string;
  displayName: string;
  roles: Role[];
  side: Side;
  /** Agency name from DEMO_AGENCIES; absent for the system admin. */
  agency?: string;
}

const [oltre, casa, ponte, police, probation, childProtection, serd, office] = DEMO_AGENCIES.map(
  (a) => a.name,
);

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'sysadmin@tandem.demo', displayName: 'Sam Sysadmin', roles: ['system_admin'], side: 'neutral' },
  {
    email: 'admin@oltre.demo',
    displayName: 'Aldo Admin',
    roles: ['agency_admin'],
    side: 'perpetrator',
    agency: oltre,
  },
  {
    email: 'pp.manager@oltre.demo',
    displayName: 'Paolo Rinaldi',
    roles: ['pp_case_manager'],
    side: 'perpetrator',
    agency: oltre,
  },
  {
    email: 'admin@casadonne.demo',
    displayName: 'Anna Admin',
    roles: ['agency_admin'],
    side: 'victim',
    agency: casa,
  },
  {
    email: 'vss.manager@casadonne.demo',
    displayName: 'Giulia Bianchi',
    roles: ['vss_case_manager'],
    side: 'victim',
    agency: casa,
  },
  {
    // A second case manager of the same service: the four eyes a share without her consent needs.
    email: 'vss.lead@casadonne.demo',
    displayName: 'Elena Ferraro',
    roles: ['vss_case_manager'],
    side: 'victim',
    agency: casa,
  },
  {
    email: 'partner.contact@casadonne.demo',
    displayName: 'Marta Conti',
    roles: ['partner_contact_worker'],
    side: 'victim',
    agency: casa,
  },
  {
    email: 'admin@ponte.demo',
    displayName: 'Piera Admin',
    roles: ['agency_admin'],
    side: 'neutral',
    agency: ponte,
  },
  {
    email: 'pp.manager@ponte.demo',
    displayName: 'Luca Ferri',
    roles: ['pp_case_manager'],
    side: 'perpetrator',
    agency: ponte,
  },
  {
    email: 'vss.manager@ponte.demo',
    displayName: 'Sara Gallo',
    roles: ['vss_case_manager'],
    side: 'victim',
    agency: ponte,
  },
  {
    email: 'liaison@police.demo',
    displayName: 'Ispettore Moretti',
    roles: ['agency_liaison'],
    side: 'neutral',
    agency: police,
  },
  {
    email: 'liaison@probation.demo',
    displayName: 'Elena Greco',
    roles: ['agency_liaison'],
    side: 'neutral',
    agency: probation,
  },
  {
    email: 'child.lead@childprotection.demo',
    displayName: 'Chiara Lombardi',
    roles: ['child_protection_lead'],
    side: 'neutral',
    agency: childProtection,
  },
  {
    email: 'liaison@serd.demo',
    displayName: 'Marco Serra',
    roles: ['agency_liaison'],
    side: 'neutral',
    agency: serd,
  },
  {
    email: 'coordinator@network.demo',
    displayName: 'Nadia Coordinatrice',
    roles: ['network_coordinator'],
    side: 'neutral',
    agency: office,
  },
  {
    email: 'trainer@network.demo',
    displayName: 'Teresa Formatrice',
    roles: ['trainer'],
    side: 'neutral',
    agency: office,
  },
  {
    email: 'analyst@network.demo',
    displayName: 'Andrea Analista',
    roles: ['analyst'],
    side: 'neutral',
    agency: office,
  },
];

/** Any constant: two instances seeding at once take turns, and the second finds the network. */
const SEED_LOCK_KEY = 7_310_003;

const demoNetworkExists = async (db: Kysely<Database>) =>
  (await db.selectFrom('network').select('id').where('name', '=', DEMO_NETWORK.name).executeTakeFirst()) !==
  undefined;

/**
 * Creates the demo network unless it exists. Returns true when it was created now. It runs at
 * start-up in demo mode (never in production: server.ts), before anyone is signed in, so it
 * writes through the system door ('demo_seed'). The check is made again under a transaction
 * lock, so instances started together seed once.
 */
export async function seedDemoNetwork(database: Kysely<Database>): Promise<boolean> {
  if (await demoNetworkExists(systemDb(database, 'demo_seed'))) return false;
  const passwordHashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  return inAuditedTransaction(database, null, null, async (transaction, audit) => {
    const trx = systemDb(transaction, 'demo_seed', audit);
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(trx);
    if (await demoNetworkExists(trx)) return false;
    const network = await trx
      .insertInto('network')
      .values(DEMO_NETWORK)
      .returning('id')
      .executeTakeFirstOrThrow();
    const agencyIds = new Map<string, string>();
    for (const agency of DEMO_AGENCIES) {
      const row = await trx
        .insertInto('agency')
        .values({ name: agency.name, kind: agency.kind, region: DEMO_NETWORK.region })
        .returning('id')
        .executeTakeFirstOrThrow();
      agencyIds.set(agency.name, row.id);
      await trx
        .insertInto('network_membership')
        .values({ network_id: network.id, agency_id: row.id })
        .execute();
      const entry = DEMO_DIRECTORY[agency.name];
      if (entry) {
        await trx
          .insertInto('directory_entry')
          .values({
            agency_id: row.id,
            region: entry.region,
            approach: entry.approach,
            target_groups: entry.targetGroups,
            languages: entry.languages,
            provides_partner_contact: entry.providesPartnerContact,
            contact_points: JSON.stringify(entry.contactPoints),
          })
          .execute();
      }
    }
    await trx
      .insertInto('app_user')
      .values(
        DEMO_ACCOUNTS.map((account, index) => ({
          agency_id: account.agency ? agencyIds.get(account.agency)! : null,
          email: account.email,
          display_name: account.displayName,
          roles: account.roles,
          side: account.side,
          language: 'en',
          password_hash: passwordHashes[index]!,
          is_demo: true,
          // The demo's victim side is staffed from the start (no approval by admins there).
          victim_role_approved_at:
            account.side === 'victim' && !account.roles.includes('agency_admin') ? new Date() : null,
        })),
      )
      .execute();
    // The organisation-level agreement that lets the agencies of the demo network work together.
    const coordinator = await trx
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'coordinator@network.demo')
      .executeTakeFirstOrThrow();
    const agreement = await trx
      .insertInto('agreement')
      .values({
        level: 'organisation',
        network_id: network.id,
        title: 'Protocol of the demo anti-violence network',
        legislative_framework:
          'Istanbul Convention (arts. 16, 18, 48); GDPR; national law on domestic violence',
        principles:
          'The safety of the woman and the children comes first. No couple counselling or mediation.',
        scope: 'Perpetrator programmes, victim support and partner agencies of the demo network',
        objectives:
          'Partner contact for every partner at risk; joint risk assessment; coordinated action plans',
        commitments: 'Share risk information as this agreement and her consent allow; record every share',
        valid_from: '2026-01-01',
        created_by: coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('agreement_party')
      .values(
        DEMO_AGENCIES.filter((agency) => agency.kind !== 'other').map((agency) => ({
          agreement_id: agreement.id,
          agency_id: agencyIds.get(agency.name)!,
          signatory_name: `Director, ${agency.name}`,
          signed_on: '2026-01-01',
          receives: ['programme', 'safety_concerns'],
        })),
      )
      .execute();
    audit.record({
      action: 'demo.seed',
      outcome: 'success',
      resourceType: 'network',
      resourceId: network.id,
    });
    return true;
  });
}
