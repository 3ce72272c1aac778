/**
 * The node arguments that run a TypeScript script of the test tree in a child process. Compiled
 * test runs (scripts/run-tests.mjs) have every script beside its compiled `.js`, which plain
 * node starts much faster than tsx transpiles the source; run in place, tsx runs the source.
 */
import { existsSync } from 'node:fs';

const compiled = import.meta.url.endsWith('.js');

export function nodeScriptArgs(script: string): string[] {
  const js = script.replace(/\.ts$/, '.js');
  return compiled && existsSync(js) ? [js] : ['--import', 'tsx', script];
}
