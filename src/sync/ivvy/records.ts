/** Helpers shared by the modules' iVvy sides. */
import { IvvyApiError } from '../../client/index.js';
import { parseTimestamp } from '../../protocol/timestamp.js';
import { canonicalValue } from '../fingerprint.js';
import type { FieldValue, SideRecord } from '../types.js';
import type { IvvyApi } from './api.js';

export interface IvvyCustomField {
  fieldId: number;
  displayName?: string;
  value: unknown;
}

export type CustomFieldMap = ReadonlyArray<{ ivvyFieldId: number; crm: string }>;

export const customKey = (crm: string): string => `custom:${crm}`;

export function modifiedAt(text: unknown): number {
  return typeof text === 'string' ? (parseTimestamp(text) ?? 0) : 0;
}

export function stringId(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** Mapped custom field values of an iVvy record, under their canonical names. */
export function readCustomFields(customFields: unknown, map: CustomFieldMap): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  const byId = new Map<number, unknown>();
  if (Array.isArray(customFields)) {
    for (const f of customFields as IvvyCustomField[]) byId.set(Number(f.fieldId), f.value);
  }
  for (const m of map) {
    const key = customKey(m.crm);
    out[key] = canonicalValue(key, byId.get(m.ivvyFieldId));
  }
  return out;
}

/** The `customFields` parameter for the changed canonical custom fields (undefined: none changed). */
export function writeCustomFields(
  fields: Readonly<Record<string, FieldValue>>,
  map: CustomFieldMap,
): Array<{ fieldId: number; value: string | string[] }> | undefined {
  const out: Array<{ fieldId: number; value: string | string[] }> = [];
  for (const m of map) {
    const key = customKey(m.crm);
    if (!(key in fields)) continue;
    const value = fields[key];
    out.push({ fieldId: m.ivvyFieldId, value: value === null || value === undefined ? '' : typeof value === 'string' ? value : [...value] });
  }
  return out.length > 0 ? out : undefined;
}

/** Reads records one by one (getContact / getCompany); a not-found answer means deleted. */
export async function getEach<T>(
  api: IvvyApi,
  namespace: string,
  action: string,
  ids: readonly string[],
  notFoundCode: number,
  toRecord: (raw: T) => SideRecord,
): Promise<SideRecord[]> {
  const out: SideRecord[] = [];
  for (const id of ids) {
    try {
      out.push(toRecord(await api.call<T>(namespace, action, { id: Number(id) })));
    } catch (error) {
      if (error instanceof IvvyApiError && (error.specificCode === notFoundCode || error.status === 404)) continue;
      throw error;
    }
  }
  return out;
}

/**
 * Finds records created from CRM ids (their externalId) at or after `since`, by reading
 * what changed since then: a create lost by a killed run is among the recent changes.
 */
export async function findByExternalIds(
  listChanges: (since: number, resume: string | null) => Promise<{ records: SideRecord[]; next: string | null }>,
  sourceIds: readonly string[],
  since: number,
): Promise<Map<string, string>> {
  const wanted = new Set(sourceIds);
  const found = new Map<string, string>();
  let resume: string | null = null;
  do {
    const page = await listChanges(since, resume);
    for (const r of page.records) {
      if (r.pairedId !== null && wanted.has(r.pairedId) && !found.has(r.pairedId)) found.set(r.pairedId, r.id);
    }
    resume = page.next;
  } while (resume !== null && found.size < wanted.size);
  return found;
}
