/**
 * Compiles Marquee the way `npm start` does (scripts/build.mjs), into the bench's own directory
 * so that a bench run never touches dist/. JavaScript only: the benches need no declarations.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';

export function buildMarquee(dataDir: string, log: (line: string) => void): string {
  const outDir = join(dataDir, 'build');
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--out', outDir, '--no-declarations'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0 || !existsSync(join(outDir, 'server', 'start.js'))) {
    throw new Error(`building Marquee failed:\n${result.stdout}${result.stderr}`);
  }
  log(`built Marquee in ${((Date.now() - started) / 1000).toFixed(1)} s (${outDir})`);
  return outDir;
}
