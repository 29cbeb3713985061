import { createHash } from 'node:crypto';
import { chmodSync, existsSync, rmSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../db/database.js';
import { dumpRunningPglite } from './pglite-backup.js';

/**
 * PGlite lives inside the server's process: only that process may read its data folder while
 * it runs. So `npm run backup` asks the running server for an image of its data over a local
 * socket that only the server's own operating-system user can open (mode 0600), and the server
 * answers with the image, taken under its query lock. With no server running, the backup opens
 * the data folder itself.
 */
export const backupSocketOf = (dataDir: string) =>
  path.join(
    os.tmpdir(),
    `tandem-backup-${createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12)}.sock`,
  );

/** Serves images of a running PGlite database; returns the function that stops serving. */
export async function serveBackups(
  handle: DatabaseHandle,
  dataDir: string,
  logger: Logger,
): Promise<() => Promise<void>> {
  const pglite = handle.pglite;
  if (!pglite) return async () => undefined;
  const socket = backupSocketOf(dataDir);
  // A socket file left by a server that was killed answers nobody: take its place.
  if (existsSync(socket) && !(await answers(socket))) unlinkSync(socket);
  const server = net.createServer((connection) => {
    connection.once('data', async (request) => {
      if (request.toString().trim() !== 'backup') return connection.end();
      try {
        const image = await dumpRunningPglite(pglite, handle.db);
        connection.write(`${JSON.stringify({ ok: true, bytes: image.length })}\n`);
        connection.end(image);
        logger.info({ backup: { bytes: image.length } }, 'backup image served');
      } catch (error) {
        connection.end(`${JSON.stringify({ ok: false, error: (error as Error).name })}\n`);
      }
    });
    connection.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  chmodSync(socket, 0o600);
  // The orderly stop exits before the job system reports it stopped: leave no socket behind.
  const removeSocket = () => rmSync(socket, { force: true });
  process.once('exit', removeSocket);
  return () =>
    new Promise<void>((resolve) =>
      server.close(() => {
        process.off('exit', removeSocket);
        resolve();
      }),
    );
}

/** The running server's image of its data, or null when no server is running on that folder. */
export async function requestImage(dataDir: string): Promise<Buffer | null> {
  const socket = backupSocketOf(dataDir);
  if (!existsSync(socket)) return null;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const connection = net.createConnection(socket, () => connection.write('backup\n'));
    connection.on('data', (chunk) => chunks.push(chunk));
    connection.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? resolve(null) : reject(error),
    );
    connection.on('end', () => {
      const all = Buffer.concat(chunks);
      const newline = all.indexOf(10);
      const header = JSON.parse(all.subarray(0, newline).toString()) as {
        ok: boolean;
        bytes?: number;
        error?: string;
      };
      if (!header.ok)
        return reject(new Error(`The running server could not make the image (${header.error})`));
      const image = all.subarray(newline + 1);
      if (image.length !== header.bytes)
        return reject(new Error('The image from the running server arrived incomplete'));
      resolve(image);
    });
  });
}

function answers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createConnection(socket, () => {
      probe.end();
      resolve(true);
    });
    probe.on('error', () => resolve(false));
  });
}
