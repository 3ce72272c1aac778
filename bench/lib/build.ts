/**
 * Compiles Marquee the way `npm start` does (tsc with tsconfig.build.json), into the bench's
 * own directory so that a bench run never touches dist/. Incremental: only changed files are
 * compiled again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';

export function buildMarquee(dataDir: string, log: (line: string) => void): string {
  const outDir = join(dataDir, 'build');
  const started = Date.now();
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(
    process.execPath,
    [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', outDir, '--tsBuildInfoFile', join(outDir, '.tsbuildinfo')],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (!existsSync(join(outDir, 'server', 'start.js'))) {
    throw new Error(`building Marquee failed:\n${result.stdout}${result.stderr}`);
  }
  // tsc still emits when a file has a type error; say so, since the figures then measure that code.
  if (result.status !== 0) log(`warning: the build reported type errors:\n${result.stdout.trim().split('\n').slice(0, 10).join('\n')}`);
  log(`built Marquee in ${((Date.now() - started) / 1000).toFixed(1)} s (${outDir})`);
  return outDir;
}
