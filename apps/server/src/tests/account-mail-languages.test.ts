import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

/**
 * Account e-mails go out in their recipient's language, through a real SMTP server: an Italian
 * account's one-time link in Italian, with its expiry in Italian and the network's zone; the
 * request to approve its victim-side role in Greek to the Greek colleague who decides, in English
 * to the English one; the decision in Italian to the account's owner.
 */

let sink: SmtpSink;
let system: TestSystem;
let scenario: NetworkScenario;
const ITALIAN_MONTHS = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];

beforeAll(async () => {
  sink = await startSmtpSink();
  system = await startTestSystem({ SMTP_URL: sink.url, PUBLIC_URL: 'https://tandem.example' });
  scenario = await makeNetworkScenario(system);
  // A zone nine hours ahead all year, so the expiry's local time is known without Intl.
  await system.database.db
    .updateTable('network')
    .set({ time_zone: 'Asia/Tokyo' })
    .where('id', '=', scenario.network.id)
    .execute();
  // The victim-side case manager chooses Greek in the app.
  const chosen = await scenario.clients.vssManager.put('/api/me/preferences', { language: 'el' });
  expect(chosen.statusCode).toBe(200);
});
afterAll(async () => {
  await system?.close();
  await sink?.close();
});

const mailSince = (count: number, to: string) => sink.received.slice(count).filter((m) => m.to.includes(to));

describe('account e-mails in the recipient’s language', () => {
  let italianId: string;
  const italian = `giulia.conti.${Date.now()}@test.invalid`;

  it('an Italian account’s one-time link, and the Greek approver’s request, each in its language', async () => {
    const before = sink.received.length;
    const created = await scenario.clients.vssAdmin.post('/api/users', {
      email: italian,
      displayName: 'Giulia Conti',
      roles: ['vss_case_manager'],
      side: 'victim',
      language: 'it',
    });
    expect(created.statusCode).toBe(201);
    italianId = created.json().user.id;

    const [link, ...more] = mailSince(before, italian);
    expect(more).toHaveLength(0);
    expect(link?.subject).toBe('Il tuo account Tandem');
    expect(link?.text).toMatch(/^Ciao Giulia Conti,\n\n/);
    expect(link?.text).toMatch(
      /ha creato per te un account Tandem\. Scegli qui la tua password e configura il secondo fattore:\n\nhttps:\/\/tandem\.example\/account-link#[\w-]+\n/,
    );
    const local = new Date(new Date(created.json().linkExpiresAt).getTime() + 9 * 3_600_000);
    const time = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
    expect(link?.text).toContain(
      `Il link funziona una sola volta, fino al ${local.getUTCDate()} ${ITALIAN_MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} alle ore ${time}`,
    );
    expect(link?.text).toContain("avvisa subito l'amministratore del tuo ente");
    expect(link?.text).not.toMatch(/Hello|created|until|\d{4}-\d{2}-\d{2}T/);

    const [request, ...again] = mailSince(before, scenario.users.vssManager.email);
    expect(again).toHaveLength(0);
    expect(request?.subject).toBe('Ένας ρόλος της πλευράς του θύματος αναμένει την έγκρισή σας');
    expect(request?.text).toMatch(/^Γεια σας, Test [\w-]+,\n\n/);
    expect(request?.text).toContain(
      `ζήτησε να δοθεί στον χρήστη Giulia Conti <${italian}>: Υπεύθυνος/η υπόθεσης (υποστήριξη θυμάτων).`,
    );
    expect(request?.text).toContain('ανοίγει τους φακέλους των γυναικών του φορέα σας');
    expect(request?.text).toContain('\n\nhttps://tandem.example/role-approvals\n\n');
    expect(request?.text).not.toMatch(/vss_case_manager|waits for|Hello/);

    // Her colleague who kept English is asked in English, with the English role label.
    const [english] = mailSince(before, scenario.users.partnerContact.email);
    expect(english?.subject).toBe('A victim-side role waits for your approval');
    expect(english?.text).toContain('the role(s) Case manager (victim support) to Giulia Conti');
  });

  it('the decision reaches the Italian owner in Italian and the English administrator in English', async () => {
    const before = sink.received.length;
    const approved = await scenario.clients.vssManager.post(`/api/role-approvals/${italianId}/approve`);
    expect(approved.statusCode).toBe(200);

    const [owner] = mailSince(before, italian);
    expect(owner?.subject).toBe('Un ruolo del lato vittima è stato approvato');
    expect(owner?.text).toContain('ha approvato per Giulia Conti: Case manager (supporto alle vittime).');
    const [admin] = mailSince(before, scenario.users.vssAdmin.email);
    expect(admin?.subject).toBe('A victim-side role was approved');
    expect(admin?.text).toContain('approved the role(s) Case manager (victim support) of Giulia Conti.');
  });

  it('a password reset of the Italian account is told in Italian', async () => {
    const before = sink.received.length;
    const reset = await scenario.clients.vssAdmin.post(`/api/users/${italianId}/reset-password`);
    expect(reset.statusCode).toBe(200);
    // Never set up: the set-up link again, in Italian.
    const [link] = mailSince(before, italian);
    expect(link?.subject).toBe('Il tuo account Tandem');
    expect(link?.text).toContain('https://tandem.example/account-link#');
  });
});
