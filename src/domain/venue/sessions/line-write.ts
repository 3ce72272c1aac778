/**
 * What writing a menu, beverage package or resource line of a session has in common: its own
 * times or the session's, and the write itself — an update compared with the row before it
 * (modifiedDate moves only on a real change, so a repeated call records nothing), or an insert.
 */
import type { ActionContext } from '../../../registry/context.js';
import type { Scope } from '../../../storage/scope.js';
import { invalid, type LineCodes } from './errors.js';
import type { SessionRow } from './store.js';

type LineTable = 'booking_session_menus' | 'booking_session_beverages' | 'booking_session_resources';

interface TimedParams {
  sameAsSessionTime?: boolean | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
}

interface TimedRow {
  same_as_session_time: number;
  start_time: string | null;
  end_time: string | null;
}

/** A line's own start and end, or none when it keeps to the session's times (the default without times). */
export function lineTimes(codes: Pick<LineCodes, 'invalid'>, p: TimedParams, current: TimedRow | undefined) {
  const sameTime = p.sameAsSessionTime ?? (current ? current.same_as_session_time === 1 : p.startTime == null && p.endTime == null);
  const startTime = sameTime ? null : p.startTime !== undefined ? p.startTime : (current?.start_time ?? null);
  const endTime = sameTime ? null : p.endTime !== undefined ? p.endTime : (current?.end_time ?? null);
  if (!sameTime && (startTime === null || endTime === null)) {
    throw invalid(codes, `${startTime === null ? 'startTime' : 'endTime'}: *Value is required and can't be empty* unless sameAsSessionTime`);
  }
  return { same_as_session_time: sameTime ? 1 : 0, start_time: startTime, end_time: endTime };
}

/**
 * Updates `current` with `columns` (or inserts a new line of `session`) and returns the row as
 * stored and whether it changed. The three tables share these columns; Kysely cannot type a
 * write to a union of tables, hence the casts.
 */
export async function saveSessionLine<R extends { id: number; modified_at: number }>(
  ctx: ActionContext,
  session: SessionRow,
  table: LineTable,
  current: R | undefined,
  columns: Record<string, unknown>,
  find: (store: Scope, id: number) => Promise<R | undefined>,
): Promise<{ row: R; changed: boolean }> {
  if (current) {
    await ctx.store.updateTable(table).set(columns as never).where('id', '=', current.id).execute();
    const row = (await find(ctx.store, current.id))!;
    const changed = JSON.stringify({ ...row, modified_at: 0 }) !== JSON.stringify({ ...current, modified_at: 0 });
    if (changed) await ctx.store.updateTable(table).set({ modified_at: ctx.now } as never).where('id', '=', current.id).execute();
    return { row, changed };
  }
  const values = { venue_id: session.venue_id, booking_id: session.booking_id, session_id: session.id, ...columns, created_at: ctx.now, modified_at: ctx.now };
  const row = await ctx.store.insertInto(table, values as never).returningAll().executeTakeFirstOrThrow();
  return { row: row as unknown as R, changed: true };
}
