#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci`/`npm install` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('marquee: dist/ is missing; run `npm run build` first\n');
  process.exit(1);
}
await import(entry.href);
