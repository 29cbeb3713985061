import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseWorld, isoDay, must } from '../testing/case-builder.js';
import { makeUser } from '../testing/factories.js';
import { signInFully, type TestClient } from '../testing/test-system.js';

/**
 * The network's figures as files for regional and national data collection: the same counts as
 * the statistics routes (suppression included), each with its definition, in the reader's
 * language; no cell a spreadsheet would run as a formula; the export audited with its filters;
 * refused to case staff with the one not-found answer.
 */

const { world, db, openCase, auditRows } = caseWorld();
let secondManager: TestClient;
let analyst: TestClient;
const JUNE = 'from=2025-06-01&to=2025-06-30';
// A name a spreadsheet would run, were it written as it is.
const FORMULA_NAME = '=HYPERLINK("http://attacker.example","Network")';

beforeAll(async () => {
  const { agencies, network, clients } = world.scenario;
  const user = await makeUser(db(), {
    agencyId: agencies.vss.id,
    roles: ['vss_case_manager'],
    side: 'victim',
    networkIds: [network.id],
  });
  secondManager = await signInFully(world.system, user);
  analyst = await signInFully(
    world.system,
    await makeUser(db(), {
      agencyId: agencies.police.id,
      roles: ['analyst'],
      side: 'neutral',
      networkIds: [network.id],
    }),
  );
  // June 2025: six shares on vital interests, one on a legal duty (a small count, suppressed).
  const made = await openCase();
  for (let index = 0; index < 7; index += 1) {
    const { id } = await must(
      clients.vssManager.post(`/api/victims/${made.herId}/serious-harm-shares`, {
        recipientAgencyId: agencies.police.id,
        atRisk: 'her',
        lawfulBasis: index === 0 ? 'legal_duty' : 'vital_interests',
        legalReference: index === 0 ? 'Art. 331 c.p.p.' : 'GDPR art. 6(1)(d)',
        reason: 'REASON-MARKER',
        content: 'CONTENT-MARKER',
        validTo: isoDay(14),
      }),
      201,
      'propose',
    );
    await must(
      secondManager.post(`/api/serious-harm-shares/${id}/decision`, { decision: 'authorise' }),
      200,
      'authorise',
    );
    const day = `2025-06-1${index}`;
    await db()
      .updateTable('serious_harm_share')
      .set({ recorded_on: day, decided_on: day, valid_to: day })
      .where('id', '=', id)
      .execute();
  }
  await db().updateTable('network').set({ name: FORMULA_NAME }).where('id', '=', network.id).execute();
});

/** The statistics routes' own answers, figure by figure, as the export names them. */
async function expectedFigures(query: string) {
  const { clients, network } = world.scenario;
  const divergence = await must(
    clients.coordinator.get(`/api/networks/${network.id}/risk-divergence?${query}`),
    200,
    'divergence',
  );
  const harm = await must(
    clients.coordinator.get(`/api/networks/${network.id}/serious-harm-statistics?${query}`),
    200,
    'serious harm',
  );
  return {
    pairs: divergence.pairs,
    cases: divergence.cases,
    ...divergence.cells,
    shares: harm.shares,
    ...harm.byBasis,
    ...harm.byTelling,
  } as Record<string, number | null>;
}

describe('the network statistics export', () => {
  it('gives as JSON the figures of the statistics routes, with definitions and suppression', async () => {
    const { clients, network } = world.scenario;
    const response = await clients.coordinator.get(`/api/networks/${network.id}/statistics.json?${JUNE}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="network-statistics-2025-06-01-2025-06-30.json"',
    );
    const file = response.json();
    expect(file).toMatchObject({
      network: { id: network.id, name: FORMULA_NAME },
      period: { from: '2025-06-01', to: '2025-06-30' },
      minimumCount: 5,
    });
    expect(file.suppression).toContain('suppressed');
    const expected = await expectedFigures(JUNE);
    expect(
      Object.fromEntries(file.figures.map((f: { figure: string; value: number }) => [f.figure, f.value])),
    ).toEqual(expected);
    // The counts that June holds: seven shares, the one legal duty suppressed with its complement.
    expect(expected).toMatchObject({ shares: 7, vital_interests: null, legal_duty: null, pending: 7 });
    for (const figure of file.figures) {
      expect(figure.suppressed).toBe(figure.value === null);
      expect(figure.definition.length).toBeGreaterThan(20);
    }
    expect(response.body).not.toContain('MARKER');
  });

  it('gives the same figures as CSV and XLSX, with no cell that runs as a formula', async () => {
    const { clients, network } = world.scenario;
    const expected = await expectedFigures(JUNE);

    const csv = await clients.coordinator.get(`/api/networks/${network.id}/statistics.csv?${JUNE}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Network,From,To,Section,Figure,Value,Suppressed,Definition');
    expect(lines).toHaveLength(1 + Object.keys(expected).length);
    // The network's name is quoted text with an apostrophe first: no spreadsheet evaluates it.
    for (const line of lines.slice(1)) expect(line.startsWith(`"'=HYPERLINK(`)).toBe(true);
    const shares = lines.find((line) => line.includes(',Authorised shares,'));
    expect(shares).toContain(',Authorised shares,7,no,');
    const legalDuty = lines.find((line) => line.includes(',Basis: a legal duty,'));
    expect(legalDuty).toContain(',Basis: a legal duty,,yes,');

    const xlsx = await clients.coordinator.get(`/api/networks/${network.id}/statistics.xlsx?${JUNE}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Figures')!;
    expect(sheet.rowCount).toBe(1 + Object.keys(expected).length);
    const values = [] as Array<number | null>;
    sheet.eachRow((row, index) => {
      if (index === 1) return;
      const name = row.getCell(1);
      expect(name.formula).toBeUndefined();
      expect(name.value).toBe(`'${FORMULA_NAME}`);
      const value = row.getCell(6).value;
      values.push(value === null || value === undefined ? null : Number(value));
    });
    expect(values).toEqual(Object.values(expected));
    const about = workbook.getWorksheet('About')!;
    expect(about.getCell('B5').value).toBe(5);
  });

  it('is written in the reader’s language', async () => {
    const { clients, network } = world.scenario;
    await must(clients.coordinator.put('/api/me/preferences', { language: 'it' }), 200, 'italian');
    try {
      const csv = await clients.coordinator.get(`/api/networks/${network.id}/statistics.csv?${JUNE}`);
      expect(csv.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(
        'Rete,Dal,Al,Sezione,Indicatore,Valore,Oscurato,Definizione',
      );
      expect(csv.body).toContain('Condivisioni autorizzate,7,no,');
    } finally {
      await must(clients.coordinator.put('/api/me/preferences', { language: 'en' }), 200, 'english');
    }
  });

  it('is audited with its format and filters, and refused to case staff as not found', async () => {
    const { clients, network } = world.scenario;
    const before = (await auditRows({ action: 'network_statistics.export', resourceId: network.id })).length;
    expect(
      (await analyst.get(`/api/networks/${network.id}/statistics.xlsx?from=2025-01-01`)).statusCode,
    ).toBe(200);
    const rows = await auditRows({ action: 'network_statistics.export', resourceId: network.id });
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      outcome: 'success',
      details: expect.objectContaining({ format: 'xlsx', from: '2025-01-01', to: null }),
    });

    for (const client of [clients.police, clients.vssManager, clients.ppManager]) {
      for (const format of ['csv', 'xlsx', 'json']) {
        const refused = await client.get(`/api/networks/${network.id}/statistics.${format}`);
        expect(refused.statusCode).toBe(404);
        expect(refused.body).not.toContain('MARKER');
      }
    }
    const reversed = await clients.coordinator.get(
      `/api/networks/${network.id}/statistics.csv?from=2026-02-01&to=2026-01-01`,
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().fields).toContainEqual(expect.objectContaining({ path: 'to' }));
  });
});
