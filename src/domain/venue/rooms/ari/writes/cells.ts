/**
 * Items as the per-night cells they set. Items may overlap: the later item wins a night, as
 * if the items had been sent one call each, and each cell is written once (PostgreSQL refuses
 * an upsert that touches one row twice).
 */
import { cellKey, type AriCell } from '../cell-changes.js';

/** Rows per insert statement: far below SQLite's and PostgreSQL's bound-parameter limits. */
export const ROWS_PER_STATEMENT = 500;

export function cellsOf<T, V>(
  items: readonly T[],
  nights: readonly (readonly string[])[],
  cellOf: (item: T, night: string) => AriCell,
  valueOf: (item: T) => V,
): Array<{ cell: AriCell; value: V }> {
  const cells = new Map<string, { cell: AriCell; value: V }>();
  items.forEach((item, n) => {
    const value = valueOf(item);
    for (const night of nights[n]!) {
      const cell = cellOf(item, night);
      cells.set(cellKey(cell.roomId, cell.night, cell.planId), { cell, value });
    }
  });
  return [...cells.values()];
}

export function chunks<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
