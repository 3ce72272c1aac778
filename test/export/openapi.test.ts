import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Command } from 'commander';
import { registerExport } from '../../src/cli/commands/export.js';
import { ACTIONS } from '../../src/domain/index.js';
import { exampleParams } from '../../src/export/example-params.js';
import { buildOpenApi, type OpenApiDocument } from '../../src/export/openapi.js';
import { NOT_FOR_AN_ACTION, PROTOCOL_ERRORS } from '../../src/export/protocol-errors.js';
import { buildPostmanCollection } from '../../src/export/postman.js';
import { Codes } from '../../src/protocol/specific-codes.js';
import { paramsSchema, resultSchema } from '../../src/registry/json-schema.js';

type Json = Record<string, unknown>;

const doc = buildOpenApi(ACTIONS, { serverUrl: 'http://127.0.0.1:8787' });
const operationOf = (document: OpenApiDocument, uri: string) => document.paths[uri]?.post as Json;
const responsesOf = (uri: string) => operationOf(doc, uri).responses as Record<string, Json>;
const components = doc.components as { responses: Record<string, Json>; securitySchemes: Record<string, Json> };
/** The specific codes a response (or the component it refers to) allows. */
function specificCodes(response: Json): number[] {
  const ref = response.$ref as string | undefined;
  const resolved = ref ? components.responses[ref.split('/').pop() as string] : response;
  const schema = (resolved?.content as Record<string, { schema: { properties: Record<string, Json> } }>)['application/json']?.schema;
  const specific = schema?.properties.specificCode as Json;
  return (specific.enum as number[] | undefined) ?? [specific.const as number];
}

describe('OpenAPI export', () => {
  it('is a valid OpenAPI 3.1 document (by a maintained validator)', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    assert.deepEqual(result.errors ?? [], []);
    assert.equal(result.valid, true);
    assert.equal(validator.version, '3.1');
    // Every $ref (parameters, responses, headers) points at something.
    assert.doesNotThrow(() => validator.resolveRefs());
  });

  it('has one POST operation per implemented action, at the URL iVvy calls it on, named for code generators', () => {
    assert.equal(Object.keys(doc.paths).length, ACTIONS.length);
    const ids = new Set<string>();
    for (const def of ACTIONS) {
      const op = operationOf(doc, `/api/1.0/${def.namespace}?action=${def.action}`);
      assert.ok(op, `${def.namespace}.${def.action}`);
      assert.equal(op['x-ivvy-namespace'], def.namespace);
      assert.equal(op['x-ivvy-action'], def.action);
      assert.equal(op['x-ivvy-kind'], def.kind);
      assert.match(op.operationId as string, /^[A-Za-z0-9_]+$/);
      ids.add(op.operationId as string);
    }
    assert.equal(ids.size, ACTIONS.length);
  });

  it('takes parameters and results from the schemas the server validates with', () => {
    for (const def of ACTIONS) {
      const op = operationOf(doc, `/api/1.0/${def.namespace}?action=${def.action}`);
      const body = (op.requestBody as { content: Record<string, { schema: Json }> }).content;
      const { $schema: _dialect, ...result } = resultSchema(def);
      const ok = (op.responses as Record<string, { content: Record<string, { schema: Json }> }>)['200']?.content['application/json']?.schema;
      assert.deepEqual(ok, result, `${def.namespace}.${def.action} result`);
      if (body['application/json']) assert.deepEqual(body['application/json'].schema, paramsSchema(def), `${def.namespace}.${def.action} params`);
    }
    // The one upload takes a form with a file part.
    const upload = operationOf(doc, '/api/1.0/venue?action=uploadBookingDocument').requestBody as { content: Record<string, { schema: { properties: Json } }> };
    assert.deepEqual(upload.content['multipart/form-data']?.schema.properties.fileId, { type: 'string', contentMediaType: 'application/octet-stream' });
  });

  it("gives every action an example body its parameter schema accepts", () => {
    for (const def of ACTIONS) {
      const parsed = def.params.safeParse(exampleParams(def));
      assert.ok(parsed.success, `${def.namespace}.${def.action}: ${parsed.error?.message ?? ''}`);
    }
    const contact = operationOf(doc, '/api/1.0/contact?action=getContact').requestBody as { required: boolean; content: Record<string, { example: unknown }> };
    assert.equal(contact.required, true);
    assert.deepEqual(contact.content['application/json']?.example, { id: 1 });
  });

  it('lists the protocol errors by status, with 23017 only for actions that have a required parameter', () => {
    const withRequired = responsesOf('/api/1.0/contact?action=getContact');
    const withoutRequired = responsesOf('/api/1.0/test?action=ping');
    assert.deepEqual(specificCodes(withRequired['400'] as Json).sort(), [23012, 23016, 23017, 23021]);
    assert.deepEqual(specificCodes(withoutRequired['400'] as Json).sort(), [23012, 23016, 23021]);
    assert.deepEqual(specificCodes(withRequired['401'] as Json).sort(), [23001, 23002, 23003, 23004, 23005, 23006]);
    assert.deepEqual(specificCodes(withRequired['463'] as Json), [23007]);
    assert.deepEqual(Object.keys(withRequired).sort(), ['200', '400', '401', '403', '413', '429', '463', '500', '503']);
    const limited = components.responses.TooManyRequests as { headers: Json };
    assert.ok(limited.headers['Retry-After']);
  });

  it('accounts for every protocol code: answered by an action, or said why not', () => {
    const listed = new Set(PROTOCOL_ERRORS.flatMap((s) => s.cases.map((c) => c.code)));
    for (const name of Object.keys(Codes) as Array<keyof typeof Codes>) {
      assert.ok(listed.has(name) !== (name in NOT_FOR_AN_ACTION), `${name} must be either listed or excluded, not both or neither`);
    }
  });

  it('describes the IWS signature as an API key in X-Api-Authorization', () => {
    const scheme = components.securitySchemes.IWS as Json;
    assert.equal(scheme.type, 'apiKey');
    assert.equal(scheme.in, 'header');
    assert.equal(scheme.name, 'X-Api-Authorization');
    assert.match(scheme.description as string, /HMAC-SHA1/);
    assert.deepEqual(doc.security, [{ IWS: [] }]);
  });
});

describe('marquee export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marquee-export-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (args: string[]) => {
    const program = new Command('marquee').exitOverride();
    registerExport(program);
    await program.parseAsync(['node', 'marquee', 'export', ...args]);
  };

  it('writes the OpenAPI document and the Postman collection to files, pointing at --url without /api/1.0', async () => {
    const openapi = join(dir, 'openapi.json');
    const postman = join(dir, 'postman.json');
    await run(['openapi', '--out', openapi, '--url', 'https://api.example.com/api/1.0']);
    await run(['postman', '--out', postman, '--url', 'https://api.example.com/']);
    const written = JSON.parse(readFileSync(openapi, 'utf8')) as OpenApiDocument;
    assert.deepEqual(written.servers, [{ url: 'https://api.example.com' }]);
    assert.equal(Object.keys(written.paths).length, ACTIONS.length);
    const collection = JSON.parse(readFileSync(postman, 'utf8')) as ReturnType<typeof buildPostmanCollection>;
    assert.deepEqual(collection.variable.find((v) => v.key === 'baseUrl')?.value, 'https://api.example.com');
  });

  it('refuses a --url that is not http(s)', async () => {
    await assert.rejects(run(['openapi', '--url', 'ftp://example.com']), /must be an http or https URL/);
    await assert.rejects(run(['postman', '--url', 'not a url']), /is not a URL/);
  });
});

describe('Postman collection', () => {
  it('has a folder per namespace and a request per JSON action, variables, and the signing script', () => {
    const collection = buildPostmanCollection(ACTIONS, { baseUrl: 'http://127.0.0.1:8787' });
    assert.equal(collection.info.schema, 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    const names = collection.item.flatMap((f) => f.item.map((i) => i.name));
    // Every action but the multipart upload, whose file part a Postman script cannot sign.
    assert.deepEqual(
      names.sort(),
      ACTIONS.map((a) => `${a.namespace}.${a.action}`)
        .filter((n) => n !== 'venue.uploadBookingDocument')
        .sort(),
    );
    for (const folder of collection.item) assert.ok(folder.item.every((i) => i.name.startsWith(`${folder.name}.`)));
    assert.deepEqual(collection.variable.map((v) => v.key), ['baseUrl', 'apiKey', 'apiSecret']);
    const getContact = collection.item.flatMap((f) => f.item).find((i) => i.name === 'contact.getContact');
    assert.equal(getContact?.request.url.raw, '{{baseUrl}}/api/1.0/contact?action=getContact');
    assert.deepEqual(JSON.parse(getContact?.request.body.raw ?? ''), { id: 1 });
    assert.match(collection.event[0]?.script.exec.join('\n') ?? '', /HmacSHA1/);
  });
});
