/**
 * The bounds every request is held to, in one place (README, Limits). Numbers are bounded by
 * what the columns of both databases hold, so a value either fits everywhere or is refused with
 * the same validation error on SQLite and PostgreSQL; text and lists by lengths far above any
 * real use, so that no request can cost much more than its size.
 */

/** Integer columns are 32-bit on PostgreSQL: ids and counts beyond would fail there. */
export const INT_MIN = -2_147_483_648;
export const INT_MAX = 2_147_483_647;
/** Money and measures: far above any real amount, and its cents stay exact in a double. */
export const NUMBER_LIMIT = 1e12;
/** Text without a documented limit, in characters. */
export const DEFAULT_TEXT_MAX = 65_535;
/** Lists without a documented limit. */
export const DEFAULT_ARRAY_MAX = 1_000;
/** Keys of one `filter`. */
export const MAX_FILTER_KEYS = 50;
/** Length of a filter name. */
export const MAX_FILTER_NAME_LENGTH = 100;
/** A filter value, in characters; keeps LIKE patterns far below SQLite's own limit (50,000 bytes). */
export const MAX_FILTER_VALUE_LENGTH = 1_000;
/** Nesting of arrays and objects in a request body (batch jobs included). */
export const MAX_JSON_DEPTH = 32;
