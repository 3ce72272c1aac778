/**
 * What to write where, for one pair of records: a pure function of what each side holds now,
 * what it held after the last sync (its state), the conflict policy and the field owners.
 *
 * - A field "changed" on a side when its current value differs from that side's state.
 * - Only changed fields are written, and only the ones that differ on the target, so a
 *   partial update never clobbers a field the other system changed in the meantime.
 * - Both sides changed since the last sync → a conflict: the policy picks the winning side
 *   for the whole record (default: the most recently modified; a tie goes to iVvy), except
 *   for fields with an owner, which always take the owner's value.
 */
import { changedFields, sameValue } from './fingerprint.js';
import type { Canonical, FieldValue, Side } from './types.js';

export type ConflictPolicy = 'most-recent' | 'ivvy-wins' | 'crm-wins';

export interface MergePolicy {
  conflictPolicy: ConflictPolicy;
  /** Field → the side whose value always wins for it. */
  fieldOwners: Readonly<Record<string, Side>>;
  /** False for one-way modules: the CRM side's edits never flow back. */
  twoWay: boolean;
}

export interface SideView {
  /** What the side holds now; null when not read in this run (its state is assumed). */
  current: Canonical | null;
  /** What it held after the last sync; null for a pair never synced. */
  state: Canonical | null;
  modifiedAt: number | null;
}

export interface MergeResult {
  /** Fields to write into iVvy / the CRM (empty: nothing to write). */
  toIvvy: Canonical;
  toCrm: Canonical;
  conflict: { winner: Side; fields: string[] } | null;
}

function known(view: SideView): Canonical | null {
  return view.current ?? view.state;
}

export function pickWinner(policy: ConflictPolicy, ivvy: SideView, crm: SideView): Side {
  if (policy === 'ivvy-wins') return 'ivvy';
  if (policy === 'crm-wins') return 'crm';
  // iVvy's modification times have one-second precision: two changes within the same
  // second cannot be ordered, and the tie goes to iVvy.
  const second = (ms: number | null) => Math.floor((ms ?? 0) / 1000);
  return second(crm.modifiedAt) > second(ivvy.modifiedAt) ? 'crm' : 'ivvy';
}

export function merge(fields: readonly string[], ivvy: SideView, crm: SideView, policy: MergePolicy): MergeResult {
  const ivvyKnown = known(ivvy);
  const crmKnown = known(crm);
  const changedIvvy = ivvy.current ? changedFields(ivvy.state, ivvy.current, fields) : [];
  const changedCrm = policy.twoWay && crm.current ? changedFields(crm.state, crm.current, fields) : [];
  const conflictFields = changedIvvy.filter((f) => changedCrm.includes(f) || crm.state === null);
  const conflict = changedIvvy.length > 0 && changedCrm.length > 0;
  const winner: Side = conflict ? pickWinner(policy.conflictPolicy, ivvy, crm) : changedIvvy.length > 0 ? 'ivvy' : 'crm';

  const touched = [...new Set([...changedIvvy, ...changedCrm])];
  const toIvvy: Record<string, FieldValue> = {};
  const toCrm: Record<string, FieldValue> = {};
  for (const f of touched) {
    const owner = policy.twoWay ? policy.fieldOwners[f] : 'ivvy';
    let source: Side;
    if (owner) source = owner;
    else if (conflict) source = winner;
    else source = changedIvvy.includes(f) ? 'ivvy' : 'crm';
    const value = (source === 'ivvy' ? ivvyKnown : crmKnown)?.[f] ?? null;
    if (!sameValue(value, crmKnown?.[f])) toCrm[f] = value;
    if (policy.twoWay && !sameValue(value, ivvyKnown?.[f])) toIvvy[f] = value;
  }
  return {
    toIvvy,
    toCrm,
    conflict: conflict ? { winner, fields: conflictFields.length > 0 ? conflictFields : touched } : null,
  };
}
