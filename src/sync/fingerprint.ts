/**
 * Canonical values, fingerprints and field differences. Every record read from either side
 * goes through `canonicalise` so that formatting noise (surrounding blanks, an empty string
 * against a missing value, the case of an email address, the order of a list) never looks
 * like a change and never bounces between the systems.
 */
import { createHash } from 'node:crypto';
import type { Canonical, FieldValue } from './types.js';

/** Fields compared without regard to case (canonical name, or its last dotted part). */
const CASE_INSENSITIVE = new Set(['email']);

function isCaseInsensitive(field: string): boolean {
  const last = field.slice(field.lastIndexOf('.') + 1);
  return CASE_INSENSITIVE.has(field) || CASE_INSENSITIVE.has(last);
}

export function canonicalValue(field: string, value: unknown): FieldValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const items = [
      ...new Set(
        value
          .map((v) => (v === null || v === undefined ? '' : String(v).trim()))
          .filter((v) => v !== ''),
      ),
    ].sort();
    return items.length === 0 ? null : items;
  }
  let text = typeof value === 'string' ? value : String(value);
  text = text.trim();
  if (text === '') return null;
  return isCaseInsensitive(field) ? text.toLowerCase() : text;
}

/** Normalises every value and keeps only the given fields (absent ones become null). */
export function canonicalise(fields: Readonly<Record<string, unknown>>, only?: readonly string[]): Canonical {
  const out: Record<string, FieldValue> = {};
  for (const name of only ?? Object.keys(fields)) out[name] = canonicalValue(name, fields[name]);
  return out;
}

export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === null || y === null) return x === y;
  if (typeof x === 'string' || typeof y === 'string') return x === y;
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** The fields (among `fields`) whose values differ between `a` and `b`. */
export function changedFields(a: Canonical | null, b: Canonical, fields: readonly string[]): string[] {
  return fields.filter((f) => !sameValue(a?.[f], b[f]));
}

/** A stable digest of the given fields of a record: equal digests, equal values. */
export function fingerprint(record: Canonical, fields: readonly string[]): string {
  const ordered = [...fields].sort().map((f) => [f, record[f] ?? null]);
  return createHash('sha1').update(JSON.stringify(ordered)).digest('hex');
}

export function pick(record: Canonical, fields: readonly string[]): Canonical {
  const out: Record<string, FieldValue> = {};
  for (const f of fields) out[f] = record[f] ?? null;
  return out;
}
