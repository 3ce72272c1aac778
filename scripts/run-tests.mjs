#!/usr/bin/env node
// Runs every test/**/*.test.ts with node:test, against SQLite and PostgreSQL.
//
// The tests run compiled: src/, test/, scripts/ and bench/ are transpiled once with esbuild into
// a build directory beside the checkout's other files (linked), and node runs the JavaScript.
// Loading TypeScript through tsx in every test process cost ~2 s of CPU per file (its loader
// hooks run on a separate thread for every module), over 120 files; transpiling all of it
// takes under 2 s. `--in-place` (or MARQUEE_TEST_IN_PLACE=1) runs the sources through tsx.
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const ROOT = process.cwd();
const COMPILED_DIRS = ['src', 'test', 'scripts', 'bench'];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return lstatSync(path).isDirectory() ? walk(path) : [path];
  });
}

const args = process.argv.slice(2);
const inPlace = args.includes('--in-place') || process.env.MARQUEE_TEST_IN_PLACE === '1';
const filters = args.filter((a) => a !== '--in-place');
// The longest files start first, so the run does not end on one of them with the other
// workers idle (measured: each takes minutes, most files take seconds).
const SLOW_FIRST = [
  'test/sync/tryton/scenario.test.ts',
  'test/cli/seed-reset.test.ts',
  'test/cli/subscriptions.test.ts',
  'test/client/package.test.ts',
  'test/sandbox/examples.test.ts',
  'test/cli/keys-call-actions.test.ts',
  'test/notify/dead-letter.test.ts',
  'test/notify/delivery.test.ts',
  'test/security/fuzz.test.ts',
];
const rank = (f) => (SLOW_FIRST.includes(f) ? SLOW_FIRST.indexOf(f) : SLOW_FIRST.length);
const files = walk('test')
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort()
  .sort((a, b) => rank(a) - rank(b));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}

/**
 * A build directory shaped like the checkout: compiled .js for every .ts of COMPILED_DIRS, links
 * to their other files (fixtures, shell scripts) and to every other top-level entry
 * (node_modules, package.json, dist, docs…), so relative paths resolve as they do in place.
 */
async function buildTree() {
  const { build } = await import('esbuild');
  const out = join(tmpdir(), `marquee-test-build-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(ROOT)) {
    if (name === '.git' || COMPILED_DIRS.includes(name)) continue;
    symlinkSync(join(ROOT, name), join(out, name));
  }
  const sources = COMPILED_DIRS.flatMap((dir) => walk(join(ROOT, dir)));
  const typescript = sources.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  for (const file of sources.filter((f) => !typescript.includes(f))) {
    const target = join(out, relative(ROOT, file));
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(file, target);
  }
  await build({
    entryPoints: typescript,
    outdir: out,
    outbase: ROOT,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return out;
}

const concurrency = process.env.MARQUEE_TEST_CONCURRENCY ?? '4';
const cwd = inPlace ? ROOT : await buildTree();
const runFiles = inPlace ? files : files.map((f) => f.replace(/\.ts$/, '.js'));
const result = spawnSync(
  process.execPath,
  [
    ...(inPlace ? ['--import', 'tsx'] : ['--enable-source-maps']),
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec',
    ...runFiles,
  ],
  {
    cwd,
    stdio: 'inherit',
    env: {
      ...process.env,
      MARQUEE_VALIDATE_RESULTS: '1',
      // `npm test` builds dist/ first (pretest): CLI tests then run the built command.
      ...(process.env.npm_lifecycle_event === 'test' ? { MARQUEE_TEST_CLI: 'dist' } : {}),
    },
  },
);
if (!inPlace) rmSync(cwd, { recursive: true, force: true });
process.exit(result.status ?? 1);
