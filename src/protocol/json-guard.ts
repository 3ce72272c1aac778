/**
 * Checks on a request body that must hold before, and right after, it is parsed: the bytes
 * are UTF-8, arrays and objects nest at most MAX_JSON_DEPTH deep (so that no later walk over
 * the value, Zod's included, can run out of stack), and no text holds U+0000 or half of a
 * surrogate pair. PostgreSQL refuses NUL in text and SQLite cuts a LIKE pattern at it; lone
 * surrogates would be stored as replacement characters. Refusing them here gives the same
 * answer on both databases, whatever field they are in.
 */
import { isUtf8 } from 'node:buffer';
import { MAX_JSON_DEPTH } from './limits.js';

const OPEN_SQUARE = 0x5b;
const OPEN_CURLY = 0x7b;
const CLOSE_SQUARE = 0x5d;
const CLOSE_CURLY = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Why the raw body cannot be parsed safely, or null. */
export function bodyBytesProblem(body: Buffer, maxDepth: number = MAX_JSON_DEPTH): string | null {
  if (!isUtf8(body)) return 'The request body is not valid UTF-8';
  // A body cannot nest deeper than it has bytes.
  if (body.length <= maxDepth) return null;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_SQUARE || c === OPEN_CURLY) {
      if (++depth > maxDepth) return `The request body nests arrays and objects deeper than ${maxDepth} levels`;
    } else if (c === CLOSE_SQUARE || c === CLOSE_CURLY) {
      depth--;
    }
  }
  return null;
}

// A high surrogate not followed by a low one, or a low one not after a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isUnsafeText(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/**
 * The path (`contact.firstName`, `jobs.0.params.filter`) of the first key or text value holding
 * U+0000 or a lone surrogate, or null. Both can only arrive as `\u` escapes in valid UTF-8 JSON,
 * so a body without one is not walked at all.
 */
export function unsafeTextPath(body: Buffer, value: unknown): string | null {
  if (body.indexOf('\\u') === -1) return null;
  return walk(value, []);
}

function walk(value: unknown, path: string[]): string | null {
  if (typeof value === 'string') return isUnsafeText(value) ? path.join('.') || 'params' : null;
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = walk(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, child] of Object.entries(value)) {
    const here = [...path, key];
    if (isUnsafeText(key)) return here.join('.');
    const found = walk(child, here);
    if (found !== null) return found;
  }
  return null;
}
