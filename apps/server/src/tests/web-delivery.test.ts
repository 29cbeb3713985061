import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

/** A built web app as Vite and apps/web/scripts/precompress.ts leave it: hashed assets with twins. */
const dist = mkdtempSync(path.join(tmpdir(), 'tandem-web-'));
const page = `<!doctype html><html><head><script type="module" src="/assets/app-3f2a1b9c.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(80)}</body></html>`;
const script = 'export const greeting = "Tandem";\n'.repeat(2000);
function writeWithTwins(file: string, content: string) {
  writeFileSync(file, content);
  writeFileSync(`${file}.br`, brotliCompressSync(content));
  writeFileSync(`${file}.gz`, gzipSync(content));
}

let system: TestSystem;
beforeAll(async () => {
  mkdirSync(path.join(dist, 'assets'));
  writeWithTwins(path.join(dist, 'index.html'), page);
  writeWithTwins(path.join(dist, 'assets', 'app-3f2a1b9c.js'), script);
  system = await startTestSystem({ API_DOCS: 'true' }, { serveWeb: true, webDist: dist });
});
afterAll(async () => {
  await system?.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  system.app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });

describe('the web app is delivered compressed and cached by its hash', () => {
  it('sends the brotli twin of a hashed asset to a browser that accepts it, cached for a year', async () => {
    const response = await get('/assets/app-3f2a1b9c.js', 'gzip, deflate, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
    expect(response.rawPayload.length).toBeLessThan(script.length / 20);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it('sends gzip where brotli is not accepted, and the file itself where nothing is', async () => {
    const gzipped = await get('/assets/app-3f2a1b9c.js', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(script);
    const plain = await get('/assets/app-3f2a1b9c.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('asks for the page again every time, at its address and at any link into the app', async () => {
    for (const url of ['/', '/cases/4d3c2b1a']) {
      const response = await get(url, 'br');
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(response.rawPayload).toString(), url).toBe(page);
    }
  });

  it('compresses the API’s answers too; small ones go as they are', async () => {
    const response = await get('/api/docs/json', 'gzip');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    const document = JSON.parse(gunzipSync(response.rawPayload).toString()) as { openapi: string };
    expect(document.openapi).toMatch(/^3\./);
    // Small answers go as they are: compressing them costs more than it saves.
    const small = await get('/api/nowhere', 'gzip');
    expect(small.statusCode).toBe(404);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json().error).toBe('not_found');
  });
});
