/**
 * Stored catalogue values as the pages show them: money in cents becomes currency units, JSON
 * id lists become arrays, and a reference the package pages print as `0` when unset stays `0`.
 */
import type { ExpressionFilter } from '../../../storage/collection.js';

/** Cents as currency units (a float on the wire). */
export const units = (cents: number): number => cents / 100;

export const unitsOrNull = (cents: number | null): number | null => (cents === null ? null : cents / 100);

/** Currency units (or percent) as hundredths, the stored form. */
export const hundredths = (value: number): number => Math.round(value * 100);

/** A stored JSON array of ids (tax ids, cost center ids, categories). */
export const idList = (json: string): number[] => JSON.parse(json) as number[];

export const idListOrNull = (json: string | null): number[] | null => (json === null ? null : idList(json));

/** The package pages answer `0` for a reference that is not set (their examples: costcenterId 0, spaceLayoutId 0). */
export const refOrZero = (id: number | null): number => id ?? 0;

export const bool = (flag: number): boolean => flag === 1;

/**
 * A filter on a column stored in hundredths (cents, hundredths of a percent) while the value is
 * given in units: the generic column filter compares as stored, so it cannot serve. Equality
 * only, as for every computed filter.
 */
export function hundredthsFilter(column: string): ExpressionFilter {
  return {
    type: 'number',
    where: (eb, value) => (value === null ? eb(column, 'is', null) : eb(column, '=', hundredths(Number(value)))),
  };
}
