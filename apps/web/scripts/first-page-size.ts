import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * What a browser downloads to show the sign-in page, read off the built index.html: the entry
 * script, the modules it preloads and the style sheets (the pages' own chunks load later, when
 * their route is visited). Sizes are gzip level 9, as the server sends them.
 */
export function firstPageSize(distDir: string): {
  javaScriptGzipBytes: number;
  cssGzipBytes: number;
  files: string[];
} {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((match) => match[1]!);
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g)].map(
    (match) => match[1]!,
  );
  const gzipped = (file: string) => gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length;
  const sum = (files: string[]) => files.reduce((total, file) => total + gzipped(file), 0);
  return { javaScriptGzipBytes: sum(scripts), cssGzipBytes: sum(styles), files: [...scripts, ...styles] };
}

/** `tsx first-page-size.ts` prints the figure; with `--json`, as JSON (npm run bench reads it). */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = firstPageSize(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist'));
  console.log(
    process.argv.includes('--json')
      ? JSON.stringify(size)
      : `sign-in page: ${(size.javaScriptGzipBytes / 1024).toFixed(1)} KiB of gzipped JavaScript, ${(size.cssGzipBytes / 1024).toFixed(1)} KiB of CSS (${size.files.length} files)`,
  );
}
