import path from 'node:path';
import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Every text response compressed (brotli or gzip, as the browser accepts). Safe next to secrets:
 * the session cookie is SameSite=Strict, so another site cannot make signed-in requests whose
 * compressed sizes it could compare (BREACH). Brotli at quality 4 on the fly: close to gzip's
 * cost, smaller output; the web app's files are compressed once, at build time, at the highest.
 */
export async function installCompression(app: FastifyInstance) {
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
}

/** Built file names carry a hash of their content (Vite), so their content never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built web app: its `.br` and `.gz` twins when the browser accepts them (written by the
 * build, apps/web/scripts/precompress.ts), hashed assets cached for a year, and the page itself
 * asked for again every time, so that a release reaches every browser at once.
 */
export async function serveWebApp(app: FastifyInstance, root: string) {
  const assets = `${path.sep}assets${path.sep}`;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', filePath.includes(assets) ? IMMUTABLE : 'no-cache');
    },
  });
}
