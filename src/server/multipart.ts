/**
 * The one API call that is not JSON: venue.uploadBookingDocument takes multipart/form-data
 * (upload-booking-document.md), on the same URL as every call. The node:http front door
 * (app.ts) hands such requests to Fastify, where @fastify/multipart streams the form, and this
 * module passes the parsed form back to the RPC handler, so authentication, rate limits,
 * dispatch and the answer are the same as for a JSON call. A multipart body sent to any other
 * action stays with the RPC handler, which refuses it as malformed JSON.
 */
import type { IncomingMessage } from 'node:http';
import fastifyMultipart, { type Multipart } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../protocol/errors.js';
import { md5Hex } from '../protocol/signing.js';
import { Codes } from '../protocol/specific-codes.js';
import type { UploadedFile } from '../registry/context.js';
import { API_PREFIX, type FormBody, type RpcHandler } from './rpc-handler.js';

const UPLOAD_PATH = /^\/api\/[^/?]+\/venue\?(?:.*&)?action=uploadBookingDocument(?:&|$)/;
const FORM_TYPE = /^\s*multipart\/form-data\s*(?:;|$)/i;

/** The form field that carries the file (upload-booking-document.md: `fileId`). */
export const UPLOAD_FILE_FIELD = 'fileId';

/** Bounds of the text part of a form: the page documents seven short fields. */
const MAX_FIELDS = 32;
const MAX_FIELD_BYTES = 64 * 1024;

/** Whether a request is a multipart upload, which Fastify (this module) serves instead of the RPC handler. */
export function isMultipartUpload(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  return type !== undefined && FORM_TYPE.test(type) && UPLOAD_PATH.test(req.url ?? '');
}

const badData = (reason: string): ApiError => new ApiError(400, 24464, 'The request contains bad data', [reason]);

/** Turns what the form parser throws into the documented envelope: a client mistake, never a 500. */
function formError(error: unknown, maxBytes: number): ApiError {
  if (error instanceof ApiError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new ApiError(413, Codes.bodyTooLarge, `The file exceeds the upload limit of ${maxBytes} bytes; nothing was stored`);
  }
  if (code === 'FST_FILES_LIMIT') return badData(`Send one file, in the '${UPLOAD_FILE_FIELD}' field`);
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return badData(`A form may have at most ${MAX_FIELDS} fields`);
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(400, Codes.malformedJson, 'The request body is not valid multipart/form-data', [message]);
}

/** Reads the whole form: its text fields in the order sent, and its one file. */
async function readForm(request: FastifyRequest, maxBytes: number): Promise<FormBody> {
  const fields: Array<[string, string]> = [];
  let upload: UploadedFile | null = null;
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: 1, fields: MAX_FIELDS, parts: MAX_FIELDS + 1, fieldSize: MAX_FIELD_BYTES },
    });
    for await (const part of parts as AsyncIterableIterator<Multipart>) {
      if (part.type === 'file') {
        // Read even a misnamed file to the end, so the parser reaches the rest of the form.
        const bytes = await part.toBuffer();
        if (part.fieldname !== UPLOAD_FILE_FIELD) throw badData(`The file must be sent in the '${UPLOAD_FILE_FIELD}' field`);
        upload = { field: part.fieldname, filename: part.filename, contentType: part.mimetype, bytes };
      } else {
        if (part.valueTruncated) throw badData(`${part.fieldname}: the value is longer than ${MAX_FIELD_BYTES} bytes`);
        fields.push([part.fieldname, String(part.value)]);
      }
    }
  } catch (error) {
    throw formError(error, maxBytes);
  }
  if (upload === null) throw badData(`${UPLOAD_FILE_FIELD}: a file is required (multipart/form-data)`);
  const params: Record<string, string> = Object.fromEntries(fields);
  // What the client signed: the fields as the page's example writes them, as JSON text.
  const signed = { fileMd5: md5Hex(upload.bytes), fieldsMd5: md5Hex(JSON.stringify(params)) };
  return { signed, params: { ...params, [UPLOAD_FILE_FIELD]: upload.filename }, upload };
}

/**
 * Mounts the upload route, in its own encapsulated context so the multipart parser applies to
 * nothing else (every other route keeps the raw-bytes parser of app.ts).
 */
export async function registerMultipartUploads(app: FastifyInstance, rpc: RpcHandler, maxBytes: number): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, { throwFileSizeLimit: true });
    scope.post(`${API_PREFIX}:version/:namespace`, (request, reply) => {
      reply.hijack();
      rpc.serveForm(request.raw, reply.raw, () => readForm(request, maxBytes));
    });
  });
}
