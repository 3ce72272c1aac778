#!/usr/bin/env node
// `npm run build`: dist/ for the CLI, the server and the published SDK.
//
// JavaScript is transpiled file by file with esbuild (the sources use isolatedModules and
// verbatimModuleSyntax, so no file needs another's types to be emitted). Declarations are
// emitted by tsc only for the public entry points (tsconfig.declarations.json): the SDK and the
// sandbox, whose type graphs are kept small on purpose. A full `tsc` emit type-checked the
// whole project and took ~90 s of a CI run; type checking is `npm run typecheck`.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

// `--out DIR` builds elsewhere (the benches build into their own directory, JavaScript only:
// `--no-declarations`).
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const ROOT = process.cwd();
const SRC = join(ROOT, 'src');
const DIST = outAt >= 0 ? resolve(args[outAt + 1]) : join(ROOT, 'dist');

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return lstatSync(path).isDirectory() ? walk(path) : [path];
  });
}

const sources = walk(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
await build({
  entryPoints: sources,
  outdir: DIST,
  outbase: SRC,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});

// A source deleted or renamed must not live on in dist/ (bin/marquee.js would still load it).
const expected = new Set(sources.map((f) => relative(SRC, f).replace(/\.ts$/, '')));
for (const file of walk(DIST)) {
  const stem = relative(DIST, file).replace(/(\.d\.ts|\.js\.map|\.js)$/, '');
  if (stem !== relative(DIST, file) && !expected.has(stem)) rmSync(file);
}

if (args.includes('--no-declarations')) process.exit(0);
const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const declarations = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.declarations.json'], { stdio: 'inherit' });
process.exit(declarations.status ?? 1);
