/**
 * The vocabulary shared by the engine, the modules and the connectors.
 *
 * A module maps an iVvy entity onto *canonical fields*: a flat record of text (or sorted text
 * lists) under stable names (`firstName`, `address.city`, `custom:favourite_colour`, …). A
 * connector maps the same canonical fields onto its CRM. The engine compares, merges and
 * fingerprints canonical records only, so it never needs to know either wire format.
 */

export type FieldValue = string | readonly string[] | null;

/** Canonical fields of one record. A field a side cannot hold is simply absent. */
export type Canonical = Readonly<Record<string, FieldValue>>;

/** One side of a pair. */
export type Side = 'ivvy' | 'crm';

export const otherSide = (side: Side): Side => (side === 'ivvy' ? 'crm' : 'ivvy');

/** Where a write goes: `toCrm` writes into the CRM, `toIvvy` into iVvy. */
export type Direction = 'toCrm' | 'toIvvy';

export const directionInto = (side: Side): Direction => (side === 'crm' ? 'toCrm' : 'toIvvy');

/** A record as read from one side. */
export interface SideRecord {
  id: string;
  /** Epoch ms of the record's last modification on that side. */
  modifiedAt: number;
  fields: Canonical;
  /**
   * The id of the record on the other side as this side knows it: iVvy's `externalId`, or
   * the CRM's copy of the iVvy id. Used to pair records that the id map does not know yet.
   */
  pairedId: string | null;
}

/** One page of a change feed, with the opaque token that resumes after it. */
export interface ChangePage {
  records: SideRecord[];
  /** Null when the feed is exhausted. */
  next: string | null;
  /** How many records the feed still holds after this page, when it knows (for progress). */
  remaining?: number;
}

/** Reading side of an entity, the same shape for iVvy and for every CRM. */
export interface ChangeFeed {
  /**
   * Records modified at or after `since` (epoch ms, inclusive), in pages; `resume` is the
   * token of the previous page (null for the first). The order is whatever lets the source
   * page without skipping a record that exists throughout.
   */
  listChanges(since: number, resume: string | null): Promise<ChangePage>;
  /** The current state of the given records; missing ones (deleted) are absent. */
  get(ids: readonly string[]): Promise<SideRecord[]>;
  /** Every live record id, page by page, for deletion detection. */
  listIds(): AsyncIterable<readonly string[]>;
}

export interface CreateInput {
  /** The id of the record on the source side (stored on the new record for recovery). */
  sourceId: string;
  fields: Canonical;
}

export interface UpdateInput {
  id: string;
  /** Only the fields to change. */
  fields: Canonical;
  /** Everything the target holds to our knowledge, for writers that must send whole objects. */
  known: Canonical | null;
  /** The source side's id, so the target can keep its pairing key up to date. */
  sourceId: string;
}

/**
 * A field the target refused (an invalid phone number or email): it was left out of the
 * write and the rest of the record was written.
 */
export interface FieldRefusal {
  field: string;
  /** The target's reason, as it gave it. */
  message: string;
}

/**
 * The outcome of one write: the record as the target now holds it (with the fields it
 * refused and that were left out), or why it failed as a whole.
 */
export type WriteResult =
  | { ok: true; sourceId: string; id: string; fields: Canonical; modifiedAt: number | null; refused?: readonly FieldRefusal[] }
  | { ok: false; sourceId: string; id: string | null; error: string };

/** Writing side of an entity. Every method takes a batch and answers one result per input. */
export interface EntityWriter {
  create(inputs: readonly CreateInput[]): Promise<WriteResult[]>;
  update(inputs: readonly UpdateInput[]): Promise<WriteResult[]>;
  /**
   * Finds records created from the given source ids (after a run was killed between a create
   * and the id map update), created at or after `since`. Answers sourceId → id for those found.
   */
  findBySourceIds(sourceIds: readonly string[], since: number): Promise<Map<string, string>>;
}

export type DeletePolicy = 'archive' | 'delete' | 'ignore';

/** Counts per module and direction, as the summary table shows them. */
export interface Counts {
  created: number;
  updated: number;
  skipped: number;
  conflicts: number;
  deleted: number;
  errors: number;
  /** Fields the target refused and that were left out of records otherwise written. */
  refused: number;
}

export const emptyCounts = (): Counts => ({ created: 0, updated: 0, skipped: 0, conflicts: 0, deleted: 0, errors: 0, refused: 0 });

export interface RecordError {
  module: string;
  direction: Direction;
  recordId: string;
  message: string;
  /** Set on the error that stopped a run: why, as a name (system-error.ts FailureReason). */
  reason?: string;
}

/** A refused field of one record, as the run summary and `sync status` report it. */
export interface RefusalReport {
  module: string;
  direction: Direction;
  /** The record on the source side (the iVvy id when writing into the CRM). */
  recordId: string;
  /** The record it was written to, when it exists. */
  targetId: string | null;
  field: string;
  /** The refused value, as the source holds it. */
  value: FieldValue;
  message: string;
}
