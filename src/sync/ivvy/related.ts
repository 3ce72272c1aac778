/**
 * Records of one module refer to records another module pairs: an attendee to its event's
 * campaign and to its contact, a registration to its contact, an email to its contact. The
 * modules put the CRM ids of those related records into their canonical fields, read from
 * the id map (one query per page), so a connector attaches the record to what it already
 * knows without ever seeing an iVvy id.
 */
import type { LinkStore } from '../store/links.js';

/** iVvy id → CRM id of the active pairs of `module` among `ivvyIds`. */
export async function crmIdsOf(links: LinkStore, module: string, ivvyIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(ivvyIds)];
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  for (const [ivvyId, link] of await links.bySideIds(module, 'ivvy', ids)) {
    if (link.status === 'active' && link.crmId !== null) out.set(ivvyId, link.crmId);
  }
  return out;
}

/**
 * The CRM ids of the active pairs of `module` among `ivvyIds`, and the ids whose pair is
 * closed (deleted on one side): records related to those are not synced, while records
 * related to one not paired yet are (they fail and are retried until it is).
 */
export async function relatedIds(links: LinkStore, module: string, ivvyIds: Iterable<string>): Promise<{ crm: Map<string, string>; closed: Set<string> }> {
  const ids = [...new Set(ivvyIds)];
  const crm = new Map<string, string>();
  const closed = new Set<string>();
  if (ids.length === 0) return { crm, closed };
  for (const [ivvyId, link] of await links.bySideIds(module, 'ivvy', ids)) {
    if (link.status === 'active' && link.crmId !== null) crm.set(ivvyId, link.crmId);
    else if (link.status === 'deleted-crm' || link.status === 'deleted-ivvy') closed.add(ivvyId);
  }
  return { crm, closed };
}

/** CRM id → iVvy id of the active pairs of `module` among `crmIds`. */
export async function ivvyIdsOf(links: LinkStore, module: string, crmIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(crmIds)];
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  for (const [crmId, link] of await links.bySideIds(module, 'crm', ids)) {
    if (link.status === 'active' && link.ivvyId !== null) out.set(crmId, link.ivvyId);
  }
  return out;
}

/** Whether each record is already paired in `module` (any status but an abandoned intent). */
export async function pairedIds(links: LinkStore, module: string, ivvyIds: Iterable<string>): Promise<Set<string>> {
  const ids = [...new Set(ivvyIds)];
  if (ids.length === 0) return new Set();
  const found = await links.bySideIds(module, 'ivvy', ids);
  return new Set([...found].filter(([, l]) => l.status !== 'pending').map(([id]) => id));
}

/** Epoch ms as the canonical instant text: ISO 8601 in UTC, to the second. */
export function instantText(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms)) return null;
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Epoch ms as the canonical date text (yyyy-mm-dd, UTC). */
export function dateText(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

/** An amount of money as canonical text with two decimals ("495.00"). */
export function amountText(value: unknown): string | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n.toFixed(2) : null;
}
