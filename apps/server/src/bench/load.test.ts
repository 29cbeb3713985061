import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLoadBench } from './load.js';

/**
 * The load benchmark's smoke run, so it cannot rot: a tiny data set, one second per path, one
 * connection, against the real production server process. Figures are printed, never judged:
 * what is checked is that every path answered, without an error, and the JSON was written.
 */
describe.runIf(process.env.DATABASE_URL)('the load benchmark, smoke run', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('drives every path of the production server over HTTP and writes its figures', async () => {
    const jsonFile = path.join(folder, 'load.json');
    const figures = await runLoadBench({
      jointCases: 1,
      people: 200,
      seconds: 1,
      connections: [1],
      jsonFile,
      instances: 1,
      rawBaseline: true,
      scale: 'small',
      groups: 1,
    });
    expect(figures.length).toBeGreaterThanOrEqual(11);
    for (const figure of figures) {
      expect(figure.errors, `${figure.path} ${JSON.stringify(figure.statusCodes)}`).toBe(0);
      expect(figure.requestsPerSecond, figure.path).toBeGreaterThan(0);
      expect(figure.serverRssMiB, figure.path).toBeGreaterThan(0);
    }
    // The raw-SQL baseline answered its paths beside the app, without an error.
    const withBaseline = figures.filter((figure) => figure.rawRequestsPerSecond !== undefined);
    expect(withBaseline.map((figure) => figure.path)).toEqual([
      'his episode (programme)',
      'name search (programme)',
      'name search, a typo',
    ]);
    for (const figure of withBaseline) expect(figure.rawErrors, figure.path).toBe(0);
    const written = JSON.parse(readFileSync(jsonFile, 'utf8'));
    expect(written.figures).toHaveLength(figures.length);
  }, 180_000);

  it('spreads the load over the staff of several groups of a region, each on their own case', async () => {
    const figures = await runLoadBench({
      // 25 joint cases: 24 copies of the demo's, three groups of agencies.
      jointCases: 25,
      people: 0,
      seconds: 1,
      connections: [2],
      jsonFile: path.join(folder, 'region.json'),
      instances: 1,
      rawBaseline: false,
      scale: 'region',
      groups: 3,
    });
    expect(figures.map((figure) => figure.path)).toContain('joint case (victim side)');
    for (const figure of figures) {
      expect(figure.errors, figure.path).toBe(0);
      expect(figure.requestsPerSecond, figure.path).toBeGreaterThan(0);
    }
  }, 180_000);
});
