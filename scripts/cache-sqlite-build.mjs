#!/usr/bin/env node
// Keeps the better-sqlite3 addon that `npm ci` compiled in prebuild-install's download cache
// (<npm cache>/_prebuilds), under the name prebuild-install looks for before it downloads.
// Where GitHub (the prebuilt binaries' host) is out of reach, every `npm ci` otherwise compiles
// SQLite from source again (about two minutes on two cores); with the cache it takes seconds, as
// on a machine that downloaded the binary once. Nothing happens when the cache holds it already.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const moduleDir = join(process.cwd(), 'node_modules', 'better-sqlite3');
const addon = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
if (!existsSync(addon)) process.exit(0);
const { version } = JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8'));
const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
const url = `https://github.com/WiseLibs/better-sqlite3/releases/download/v${version}/${name}`;
// prebuild-install's own naming (util.js cachedPrebuild): the first six hex digits of the URL's SHA-512.
const cacheDir = join(process.env.npm_config_cache ?? join(homedir(), '.npm'), '_prebuilds');
const cached = join(cacheDir, `${createHash('sha512').update(url).digest('hex').slice(0, 6)}-${name.replace(/[^a-zA-Z0-9.]+/g, '-')}`);
if (existsSync(cached)) process.exit(0);
mkdirSync(cacheDir, { recursive: true });
const partial = `${cached}.${process.pid}.tmp`;
execFileSync('tar', ['-czf', partial, '-C', moduleDir, 'build/Release/better_sqlite3.node']);
renameSync(partial, cached);
console.log(`ci: kept the compiled better-sqlite3 addon in ${cached}`);
