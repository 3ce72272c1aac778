/** Amounts on the wire (currency units) against amounts in storage (cents). */
import type { ExpressionFilter } from '../../../storage/collection.js';

/** Stored tax id lists (JSON text) as the pages show them. */
export const taxIds = (json: string): number[] => JSON.parse(json) as number[];

/**
 * A filter on an amount column: the value is in currency units, the column in cents, so the
 * generic column filter (which compares as stored) cannot serve; equality only.
 */
export function amountFilter(column: string): ExpressionFilter {
  return {
    type: 'number',
    where: (eb, value) => (value === null ? eb(column, 'is', null) : eb(column, '=', Math.round(Number(value) * 100))),
  };
}
