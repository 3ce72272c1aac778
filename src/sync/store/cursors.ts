/**
 * Cursors per module and side. A pass over one side's changes reads from the watermark (less
 * the overlap window) and records the window it works on and the position reached in it
 * after every page; the watermark moves to the window's end only once the window has been
 * walked to the end, so a run killed half-way resumes where it stopped and never skips.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { Side } from '../types.js';
import './tables.js';

export interface Cursor {
  module: string;
  side: Side;
  watermarkAt: number | null;
  /** The window in progress, when a pass was interrupted (or is running). */
  window: { fromAt: number; untilAt: number; resume: string | null } | null;
  reconciledAt: number | null;
  updatedAt: number;
}

export interface CursorStore {
  get(module: string, side: Side): Promise<Cursor>;
  all(): Promise<Cursor[]>;
  /** Records the window being walked and the position reached in it. */
  checkpoint(module: string, side: Side, window: { fromAt: number; untilAt: number; resume: string | null }, now: number): Promise<void>;
  /** The window was walked to its end: the watermark becomes its end. */
  commit(module: string, side: Side, watermarkAt: number, now: number): Promise<void>;
  markReconciled(module: string, at: number, now: number): Promise<void>;
  /** Forgets the watermark and any window (the next pass reads everything). */
  reset(module: string): Promise<void>;
}

export function createCursorStore(db: Kysely<Database>, profile: string): CursorStore {
  const upsert = async (module: string, side: Side, values: Record<string, number | string | null>, now: number) => {
    await db
      .insertInto('sync_cursors')
      .values({ profile, module, side, updated_at: now, ...values })
      .onConflict((oc) => oc.columns(['profile', 'module', 'side']).doUpdateSet({ ...values, updated_at: now }))
      .execute();
  };
  const toCursor = (row: {
    module: string;
    side: string;
    watermark_at: number | null;
    window_from_at: number | null;
    window_until_at: number | null;
    resume: string | null;
    reconciled_at: number | null;
    updated_at: number;
  }): Cursor => ({
    module: row.module,
    side: row.side as Side,
    watermarkAt: row.watermark_at,
    window:
      row.window_from_at !== null && row.window_until_at !== null
        ? { fromAt: row.window_from_at, untilAt: row.window_until_at, resume: row.resume }
        : null,
    reconciledAt: row.reconciled_at,
    updatedAt: row.updated_at,
  });
  return {
    async get(module, side) {
      const row = await db
        .selectFrom('sync_cursors')
        .selectAll()
        .where('profile', '=', profile)
        .where('module', '=', module)
        .where('side', '=', side)
        .executeTakeFirst();
      return row
        ? toCursor(row)
        : { module, side, watermarkAt: null, window: null, reconciledAt: null, updatedAt: 0 };
    },
    async all() {
      const rows = await db
        .selectFrom('sync_cursors')
        .selectAll()
        .where('profile', '=', profile)
        .orderBy('module')
        .orderBy('side')
        .execute();
      return rows.map(toCursor);
    },
    async checkpoint(module, side, window, now) {
      await upsert(module, side, { window_from_at: window.fromAt, window_until_at: window.untilAt, resume: window.resume }, now);
    },
    async commit(module, side, watermarkAt, now) {
      await upsert(module, side, { watermark_at: watermarkAt, window_from_at: null, window_until_at: null, resume: null }, now);
    },
    async markReconciled(module, at, now) {
      // Reconciliation is per module; it is stored on the iVvy-side row.
      await upsert(module, 'ivvy', { reconciled_at: at }, now);
    },
    async reset(module) {
      await db.deleteFrom('sync_cursors').where('profile', '=', profile).where('module', '=', module).execute();
    },
  };
}
