/**
 * Field values a target refused while the rest of their record was written (an invalid phone
 * number, an invalid email). Each is kept with a hash of the refused value: the engine leaves
 * the field out of later writes while the source still holds that value, and sends it again
 * once it changes. A row goes away when the field is written (the value changed and was
 * accepted, or the other side's value replaced it).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { Direction, FieldValue, RefusalReport } from '../types.js';
import './tables.js';

/** A stable digest of a canonical value. */
export function valueHash(value: FieldValue | undefined): string {
  return createHash('sha1')
    .update(JSON.stringify(value ?? null))
    .digest('hex');
}

export interface StoredRefusal extends RefusalReport {
  valueHash: string;
  attempts: number;
  runId: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface RefusalStore {
  /** The refusals of these source records: record id → field → refusal. */
  forRecords(module: string, direction: Direction, recordIds: readonly string[]): Promise<Map<string, Map<string, StoredRefusal>>>;
  record(refusals: readonly RefusalReport[], runId: number, now: number): Promise<void>;
  /** Forgets the refusals of these fields of one source record. */
  clear(module: string, direction: Direction, recordId: string, fields: readonly string[]): Promise<void>;
  /** Every refusal still standing, most recent first. */
  list(limit: number): Promise<StoredRefusal[]>;
  count(): Promise<number>;
}

const CHUNK = 500;

export function createRefusalStore(db: Kysely<Database>, profile: string): RefusalStore {
  const toRefusal = (r: {
    module: string;
    direction: string;
    record_id: string;
    target_id: string | null;
    field: string;
    value: string | null;
    value_hash: string;
    message: string;
    run_id: number | null;
    attempts: number;
    created_at: number;
    updated_at: number;
  }): StoredRefusal => ({
    module: r.module,
    direction: r.direction as Direction,
    recordId: r.record_id,
    targetId: r.target_id,
    field: r.field,
    value: r.value === null ? null : (JSON.parse(r.value) as FieldValue),
    message: r.message,
    valueHash: r.value_hash,
    runId: r.run_id,
    attempts: r.attempts,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  return {
    async forRecords(module, direction, recordIds) {
      const out = new Map<string, Map<string, StoredRefusal>>();
      for (let i = 0; i < recordIds.length; i += CHUNK) {
        const rows = await db
          .selectFrom('sync_refusals')
          .selectAll()
          .where('profile', '=', profile)
          .where('module', '=', module)
          .where('direction', '=', direction)
          .where('record_id', 'in', recordIds.slice(i, i + CHUNK))
          .execute();
        for (const row of rows) {
          const r = toRefusal(row);
          let fields = out.get(r.recordId);
          if (!fields) out.set(r.recordId, (fields = new Map()));
          fields.set(r.field, r);
        }
      }
      return out;
    },
    async record(refusals, runId, now) {
      for (const r of refusals) {
        const message = r.message.slice(0, 2000);
        const value = JSON.stringify(r.value);
        const hash = valueHash(r.value);
        await db
          .insertInto('sync_refusals')
          .values({
            profile,
            module: r.module,
            direction: r.direction,
            record_id: r.recordId,
            target_id: r.targetId,
            field: r.field,
            value,
            value_hash: hash,
            message,
            run_id: runId,
            attempts: 1,
            created_at: now,
            updated_at: now,
          })
          .onConflict((oc) =>
            oc.columns(['profile', 'module', 'direction', 'record_id', 'field']).doUpdateSet((eb) => ({
              target_id: r.targetId,
              value,
              value_hash: hash,
              message,
              run_id: runId,
              attempts: eb('sync_refusals.attempts', '+', 1),
              updated_at: now,
            })),
          )
          .execute();
      }
    },
    async clear(module, direction, recordId, fields) {
      if (fields.length === 0) return;
      await db
        .deleteFrom('sync_refusals')
        .where('profile', '=', profile)
        .where('module', '=', module)
        .where('direction', '=', direction)
        .where('record_id', '=', recordId)
        .where('field', 'in', [...fields])
        .execute();
    },
    async list(limit) {
      const rows = await db
        .selectFrom('sync_refusals')
        .selectAll()
        .where('profile', '=', profile)
        .orderBy('updated_at', 'desc')
        .orderBy('module')
        .orderBy('record_id')
        .orderBy('field')
        .limit(limit)
        .execute();
      return rows.map(toRefusal);
    },
    async count() {
      const row = await db
        .selectFrom('sync_refusals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('profile', '=', profile)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
