import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real server as an operator runs it (`src/main.ts`), in a process of its own, so that it
 * can be killed with SIGKILL — no shutdown hook, no last flush — in the middle of its writes.
 */
const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL, then wait until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the orderly stop. */
  stop(): Promise<void>;
}

export async function startServer(
  env: Record<string, string>,
  options: {
    timeoutMs?: number;
    /** Another checkout's apps/server, to measure it against this one (bench/load.ts). */
    serverDir?: string | undefined;
    /** Another entry point than the server's own (the benchmark's raw-SQL baseline). */
    entry?: string;
  } = {},
): Promise<ServerProcess> {
  const { timeoutMs = 120_000, serverDir = SERVER_DIR, entry = 'src/main.ts' } = options;
  // An empty value unsets what this process has (a PGlite run under a DATABASE_URL of CI's).
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === '') delete childEnv[key];
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: serverDir,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Tandem is running at (\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!.replace('://localhost', '://127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it was ready:\n${output}`));
    });
  });
  // Keep draining its output so a full pipe never blocks it.
  child.stdout!.resume();
  child.stderr!.resume();
  const waitForExit = async () => {
    if (child.exitCode === null && child.signalCode === null) await exited;
  };
  return {
    url,
    child,
    async kill() {
      child.kill('SIGKILL');
      await waitForExit();
    },
    async stop() {
      child.kill('SIGTERM');
      await waitForExit();
    },
  };
}
