/**
 * The OpenAPI 3.1 document of every implemented action (`marquee export openapi`), built from
 * the registry: parameters and results as JSON Schema from the same Zod schemas the server
 * validates with (registry/json-schema.ts), the protocol's errors by status
 * (protocol-errors.ts), each action's documented codes (protocol/documented-errors.ts), and the
 * IWS signature as the security scheme.
 */
import { z } from 'zod';
import { findCatalogueEntry } from '../protocol/catalogue.js';
import { IVVY_DATE_HEADER } from '../protocol/signing.js';
import { DOCUMENTED_ERRORS } from '../protocol/documented-errors.js';
import { Codes } from '../protocol/specific-codes.js';
import type { AnyAction } from '../registry/define-action.js';
import { paramsSchema, resultSchema, type JsonSchema } from '../registry/json-schema.js';
import { paramShape } from '../registry/param-shape.js';
import { multipartOf, operationId, requestUri } from './action-path.js';
import { exampleParams } from './example-params.js';
import { envelopeFor, errorEnvelope, errorsOf, statusMessage, type StatusErrors } from './protocol-errors.js';
import { SECURITY_SCHEME, SECURITY_SCHEME_NAME } from './security-scheme.js';

export interface OpenApiOptions {
  /** Base URL of the server the document points at (no `/api/1.0`). */
  serverUrl: string;
}

export type OpenApiDocument = JsonSchema & { paths: Record<string, { post: JsonSchema }> };

/** A converted schema without its `$schema`: OpenAPI 3.1 schemas are draft 2020-12 already. */
function embedded(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

const zodSchema = (schema: z.ZodType): JsonSchema => embedded(z.toJSONSchema(schema, { io: 'output' }) as JsonSchema);

const pascal = (text: string): string => text.replace(/(^|\s+)(\w)/g, (_m, _s, c: string) => c.toUpperCase()).replace(/\W/g, '');

/** The name of a status's response in components: `BadRequest`, or `BadRequestNoRequired` without 23017. */
function responseName(errors: StatusErrors): string {
  const base = pascal(statusMessage(errors.status));
  return errors.status === 400 && !errors.cases.some((c) => c.code === 'required') ? `${base}NoRequired` : base;
}

function errorResponse(errors: StatusErrors): JsonSchema {
  const lines = errors.cases.map((c) => `- \`${Codes[c.code]}\`: ${c.meaning}`);
  return {
    description: `${statusMessage(errors.status)}\n\n${lines.join('\n')}`,
    ...(errors.retryAfter ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}),
    content: { 'application/json': { schema: zodSchema(envelopeFor(errors)) } },
  };
}

const HEADER_PARAMETERS: Record<string, JsonSchema> = {
  ContentMD5: {
    name: 'Content-MD5',
    in: 'header',
    description: 'Hex MD5 of the body bytes (signed; checked against the body when sent)',
    schema: { type: 'string', pattern: '^[0-9a-fA-F]{32}$' },
  },
  IvvyDate: {
    name: IVVY_DATE_HEADER,
    in: 'header',
    description: 'Request time, UTC, `yyyy-mm-dd HH:mm:ss` (signed). Without it a standard `Date` header is needed',
    schema: { type: 'string', examples: ['2026-01-01 09:00:00'] },
  },
  ApiVersion: {
    name: 'X-Api-Version',
    in: 'header',
    description: 'Informational; the version is the one in the URL',
    schema: { type: 'string', examples: ['1.0'] },
  },
};

function hasRequiredParameter(def: AnyAction): boolean {
  const shape = paramShape(def.params);
  return shape.kind === 'object' && Object.values(shape.fields).some((f) => f.required);
}

function requestBody(def: AnyAction, required: boolean): JsonSchema {
  const schema = paramsSchema(def);
  const example = exampleParams(def);
  const multipart = multipartOf(def);
  if (!multipart) return { required, content: { 'application/json': { schema, example } } };
  const properties = { ...(schema.properties as Record<string, JsonSchema>), [multipart.fileField]: { type: 'string', contentMediaType: 'application/octet-stream' } };
  return { required: true, content: { 'multipart/form-data': { schema: { ...schema, properties } } } };
}

/** What a form upload signs instead of the body (server/authenticate.ts, upload-booking-document.md). */
const MULTIPART_SIGNING =
  'Sent as multipart/form-data. Its signature covers the form, not its bytes: the MD5 part of the string to sign is the MD5 of the ' +
  'text fields as a JSON object (`{"name":"value",…}` in the order sent) followed by the MD5 of the file, which is also the ' +
  '`Content-MD5` header, and the content type part is `multipart/form-data`.';

function operation(def: AnyAction, responseNames: Map<number, string>[]): JsonSchema {
  const entry = findCatalogueEntry(def.namespace, def.action);
  const required = hasRequiredParameter(def);
  const names = responseNames[required ? 1 : 0] as Map<number, string>;
  const responses: Record<string, JsonSchema> = {
    '200': { description: 'The result', content: { 'application/json': { schema: embedded(resultSchema(def)) } } },
  };
  for (const [status, name] of names) responses[String(status)] = { $ref: `#/components/responses/${name}` };
  // The action's own codes, as its page's "Throws" table lists them. The page gives no status;
  // the envelope's errorCode carries the one Marquee answers with.
  const documented = DOCUMENTED_ERRORS[`${def.namespace}.${def.action}`] ?? [];
  const throws = documented.length === 0 ? '' : `\n\nDocumented errors (specificCode in the error envelope):\n${documented.map((e) => `- \`${e.code}\`: ${e.description}`).join('\n')}`;
  return {
    operationId: operationId(def),
    summary: `${def.namespace}.${def.action}`,
    description:
      `${def.kind === 'read' ? 'Reads' : 'Writes, in one transaction'}. ` +
      (entry ? `Documented on \`${entry.doc}\` of the iVvy API reference.` : '') +
      throws +
      (multipartOf(def) ? `\n\n${MULTIPART_SIGNING}` : ''),
    tags: [def.namespace],
    parameters: Object.keys(HEADER_PARAMETERS).map((name) => ({ $ref: `#/components/parameters/${name}` })),
    requestBody: requestBody(def, required),
    responses,
    'x-ivvy-namespace': def.namespace,
    'x-ivvy-action': def.action,
    'x-ivvy-kind': def.kind,
    ...(documented.length > 0 ? { 'x-ivvy-errors': documented.map((e) => ({ specificCode: e.code, description: e.description })) } : {}),
    ...(entry ? { 'x-ivvy-doc': entry.doc } : {}),
  };
}

export function buildOpenApi(actions: readonly AnyAction[], options: OpenApiOptions): OpenApiDocument {
  // Two sets of error responses: for actions with and without a required parameter (23017).
  const responses: Record<string, JsonSchema> = {};
  const responseNames = [false, true].map((required) => {
    const names = new Map<number, string>();
    for (const errors of errorsOf(required)) {
      const name = responseName(errors);
      responses[name] ??= errorResponse(errors);
      names.set(errors.status, name);
    }
    return names;
  });
  const paths: Record<string, { post: JsonSchema }> = {};
  for (const def of actions) paths[requestUri(def)] = { post: operation(def, responseNames) };
  const namespaces = [...new Set(actions.map((a) => a.namespace))];
  return {
    openapi: '3.1.0',
    info: {
      title: 'iVvy API v1.0 (Marquee)',
      version: '1.0',
      description:
        'Every action Marquee implements, read from its registry. Each call is `POST /api/1.0/{namespace}?action={action}` ' +
        'with a JSON body, signed as the IWS security scheme describes.',
    },
    servers: [{ url: options.serverUrl }],
    tags: namespaces.map((name) => ({ name })),
    security: [{ [SECURITY_SCHEME_NAME]: [] }],
    paths,
    components: {
      securitySchemes: { [SECURITY_SCHEME_NAME]: SECURITY_SCHEME },
      schemas: { ErrorEnvelope: zodSchema(errorEnvelope) },
      parameters: HEADER_PARAMETERS,
      headers: { RetryAfter: { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } } },
      responses,
    },
  };
}
