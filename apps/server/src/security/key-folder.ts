import path from 'node:path';

/**
 * Where keys generated for a development or demo installation are kept: a folder BESIDE the
 * data folder (`./data` → `./data.keys`), never inside it, so a copy of the data — a backup, a
 * snapshot, a folder sent to a colleague — does not carry the keys that open it. Production
 * sets its keys in the environment and keeps them in escrow (README, "Operations").
 */
export function keyFolderOf(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}.keys`);
}
