import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import ts from 'typescript';
import { REPO_ROOT } from '../support/repo-root.js';

// The catalogue is a compile-time set: a misspelt or missing action, or a read/write mix-up,
// fails `tsc`. Checked here with the compiler itself on small sources placed in src/.
const ROOT = REPO_ROOT;

function diagnostics(source: string): string[] {
  const file = join(ROOT, 'src', '__catalogue_probe__.ts');
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  assert.ok(config);
  const host = ts.createCompilerHost(config.options);
  const read = host.readFile.bind(host);
  host.readFile = (name) => (name === file ? source : read(name));
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || exists(name);
  const program = ts.createProgram([file], { ...config.options, noEmit: true }, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

const HEADER = `
import { z } from 'zod';
import { defineAction } from './registry/define-action.js';
import { defineNamespace, NOT_IMPLEMENTED } from './registry/namespace.js';
const ping = defineAction({ namespace: 'test', action: 'ping', kind: 'read', params: z.object({}), result: z.object({}), handler: async () => ({}) });
`;

it('refuses, at compile time, misspelt and missing actions, unknown namespaces and the wrong kind', () => {
  const found = diagnostics(
    `${HEADER}
export const misspelt = defineAction({ namespace: 'contact', action: 'getContactz', kind: 'read', params: z.object({}), result: z.object({}), handler: async () => ({}) });
export const wrongKind = defineAction({ namespace: 'contact', action: 'getContact', kind: 'write', params: z.object({}), result: z.object({}), handler: async () => ({}) });
export const unknownNamespace = defineAction({ namespace: 'contcat', action: 'getContact', kind: 'read', params: z.object({}), result: z.object({}), handler: async () => ({}) });
export const missing = defineNamespace({ namespace: 'partner', actions: { getVenue: NOT_IMPLEMENTED } });
export const extra = defineNamespace({ namespace: 'test', actions: { ping, pong: NOT_IMPLEMENTED } });
export const elsewhere = defineNamespace({ namespace: 'partner', actions: { getVenue: ping, getVenueList: NOT_IMPLEMENTED } });
`,
  );
  const expect = (pattern: RegExp, what: string) => assert.ok(found.some((d) => pattern.test(d)), `${what}: ${found.join('\n')}`);
  expect(/TS2820: Type '"getContactz"' is not assignable to type 'ActionOf<"contact">'/, 'a misspelt action');
  expect(/TS2322: Type '"write"' is not assignable to type '"read"'/, 'the wrong kind');
  expect(/TS2820: Type '"contcat"' is not assignable/, 'an unknown namespace');
  expect(/TS2741: Property 'getVenueList' is missing/, 'an action the namespace does not account for');
  expect(/TS2353: Object literal may only specify known properties, and 'pong' does not exist/, 'an action outside the catalogue');
  expect(/TS2322: Type 'ActionDefinition<"test", "ping"/, 'an action of another namespace in its place');
  // The unknown namespace also leaves its action name with no catalogue to belong to.
  expect(/TS2322: Type 'string' is not assignable to type 'never'/, 'an action of an unknown namespace');
  assert.equal(found.length, 7, found.join('\n'));
});

it('accepts the namespaces as they are', () => {
  assert.deepEqual(diagnostics(`${HEADER}\nexport { ping };\nexport * from './domain/index.js';\n`), []);
});
