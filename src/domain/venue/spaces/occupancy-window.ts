/** How long a hold may be and still be found by its start alone (see 0024_space_occupancy_long_holds). */
export const LONG_HOLD_MS = 2 * 24 * 3_600_000;

export const isLongHold = (heldFrom: number, heldUntil: number): boolean => heldUntil - heldFrom > LONG_HOLD_MS;
