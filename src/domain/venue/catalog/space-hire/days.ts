/** Days of the week (0 = Sunday … 6 = Saturday) as the pages list them, against a stored bit mask. */
export const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6] as const;

export const daysMask = (days: readonly number[]): number => days.reduce((mask, d) => mask | (1 << d), 0);

export const daysOf = (mask: number): number[] => ALL_DAYS.filter((d) => (mask & (1 << d)) !== 0);
