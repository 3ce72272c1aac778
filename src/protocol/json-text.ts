/**
 * A result (or collection item) that is already serialized, as UTF-8 bytes. Serializing and
 * encoding large results is a large part of a read's cost, so an action that keeps serialized
 * items (the contact list's item cache) returns them as JsonText; the HTTP writer copies the
 * bytes into the response as they are. Anything else that looks at a result (batch jobs, the
 * result-schema check in tests) gets plain values, through `materialize` or JSON.stringify
 * (via toJSON).
 */
export class JsonText {
  constructor(readonly bytes: Buffer) {}

  static of(text: string): JsonText {
    return new JsonText(Buffer.from(text, 'utf8'));
  }

  toJSON(): unknown {
    return JSON.parse(this.bytes.toString('utf8'));
  }
}

/** `bytes` (JSON, UTF-8) standing in for a value of type T in a handler's result. */
export function jsonText<T>(bytes: Buffer): T {
  return new JsonText(bytes) as unknown as T;
}

/** Whether the result is, or (as a collection) holds, serialized JSON. */
export function holdsJsonText(body: unknown): boolean {
  if (body instanceof JsonText) return true;
  if (typeof body !== 'object' || body === null) return false;
  const results = (body as { results?: unknown }).results;
  return Array.isArray(results) && results.some((item) => item instanceof JsonText);
}

const COMMA = 0x2c;

/**
 * The response body as JSON: the same text JSON.stringify gives, as a string, or as bytes
 * when the body holds JsonText (copied once into the response, never parsed and serialized
 * again).
 */
export function serializeBody(body: unknown): string | Buffer {
  if (body instanceof JsonText) return body.bytes;
  if (!holdsJsonText(body)) return JSON.stringify(body);
  // Members are either text to encode or runs of items to copy, separated by commas.
  const parts: Array<Buffer | Array<Buffer>> = [];
  let size = 0;
  let first = true;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const head = `${first ? '{' : ','}${JSON.stringify(key)}:`;
    if (Array.isArray(value) && value.some((item) => item instanceof JsonText)) {
      const items = value.map((item) => (item instanceof JsonText ? item.bytes : Buffer.from(JSON.stringify(item) ?? 'null')));
      const open = Buffer.from(`${head}[`);
      parts.push(open, items);
      size += open.length + items.reduce((n, b) => n + b.length, 0) + Math.max(0, items.length - 1) + 1;
    } else {
      const text = JSON.stringify(value);
      if (text === undefined) continue;
      const member = Buffer.from(head + text);
      parts.push(member);
      size += member.length;
    }
    first = false;
  }
  const out = Buffer.allocUnsafe(size + 1 + (first ? 1 : 0));
  let at = 0;
  if (first) out[at++] = 0x7b;
  for (const part of parts) {
    if (Buffer.isBuffer(part)) {
      out.set(part, at);
      at += part.length;
      continue;
    }
    part.forEach((item, i) => {
      if (i > 0) out[at++] = COMMA;
      out.set(item, at);
      at += item.length;
    });
    out[at++] = 0x5d;
  }
  out[at++] = 0x7d;
  return out;
}

/** The result with every JsonText replaced by the value it stands for. */
export function materialize<T>(body: T): T {
  if (!holdsJsonText(body)) return body;
  const serialized = serializeBody(body);
  return JSON.parse(typeof serialized === 'string' ? serialized : serialized.toString('utf8')) as T;
}
