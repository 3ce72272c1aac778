/**
 * Failures that stop a run as a whole — a system that cannot be reached, a login or a secret
 * refused, a database that does not exist — named for the person running the sync: which
 * system, at which URL, and what to check. The connectors and the iVvy client turn their
 * low-level errors (`fetch failed`, a 401 HTML page, a JSON-RPC error) into these, and a run
 * records the reason (`errors[].reason`) with the message.
 */

/** Why a run stopped; `stopped` is anything not recognised below. */
export type FailureReason =
  | 'ivvy-unreachable'
  | 'ivvy-credentials'
  | 'crm-unreachable'
  | 'crm-login'
  | 'crm-database'
  | 'crm-credentials'
  | 'crm-unavailable'
  | 'stopped';

export class SystemError extends Error {
  constructor(
    readonly reason: FailureReason,
    /** iVvy, Tryton or HubSpot. */
    readonly system: string,
    readonly url: string,
    message: string,
  ) {
    super(message);
    this.name = 'SystemError';
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
]);

/** The first error code along an error's cause chain (fetch wraps the socket's error). */
function codeOf(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

const NETWORK_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'timed out',
  UND_ERR_CONNECT_TIMEOUT: 'timed out connecting',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for an answer',
};

/** Why a request got no answer at all, in words, or null when the error is something else. */
export function networkFailure(error: unknown): string | null {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timed out';
  const code = codeOf(error);
  if (code !== null && NETWORK_CODES.has(code)) return NETWORK_WORDS[code] ?? code;
  if (error instanceof TypeError && error.message === 'fetch failed') return 'no answer';
  return null;
}

/** A system that gave no answer: which one, where, why, and what to check. */
export function unreachable(reason: 'ivvy-unreachable' | 'crm-unreachable', system: string, url: string, why: string, check: string): SystemError {
  return new SystemError(reason, system, url, `${system} at ${url} could not be reached (${why}): ${check}`);
}

/** A short, single-line excerpt of an answer body (an HTML error page becomes its text). */
export function excerpt(body: unknown, max = 160): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
  const plain = /<[a-z!]/i.test(text) ? text.replace(/<title>[^<]*<\/title>/i, ' ').replace(/<[^>]*>/g, ' ') : text;
  const line = plain.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
