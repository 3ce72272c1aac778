/**
 * Signed requests as an iVvy client sends them: IWS HMAC-SHA1 over the exact body, dated with
 * IVVY-Date (requests are valid for five minutes, so pools are signed right before each run).
 */
import { signRequest } from '../../src/protocol/signing.js';
import type { PreparedRequest } from '../load/worker.js';

export interface Credentials {
  key: string;
  secret: string;
}

export function signed(credentials: Credentials, namespace: string, action: string, params: unknown): PreparedRequest {
  const body = JSON.stringify(params);
  const request = signRequest({ key: credentials.key, secret: credentials.secret, namespace, action, body });
  return { path: request.requestUri, headers: request.headers, body };
}

/** A small deterministic PRNG (mulberry32), so request pools are the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
