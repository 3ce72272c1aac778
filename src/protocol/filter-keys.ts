/** The filter-key grammar of interpreting-the-response/filtering.md: `field` + optional `__MODIFIER`. */

export const MODIFIERS = ['CONTAINS', 'NOTCONTAINS', 'BEGINS', 'ENDS', 'LESSTHAN', 'GREATERTHAN', 'NOT', 'EMPTY'] as const;
export type Modifier = (typeof MODIFIERS)[number];

/** The documented "null" sentinels: `ISNULL`, and `__ISNULL__` as the page's example spells it. */
export const NULL_SENTINELS: readonly string[] = ['ISNULL', '__ISNULL__'];

export interface FilterKey {
  field: string;
  modifier: Modifier | null;
}

export function parseFilterKey(key: string): FilterKey {
  const at = key.lastIndexOf('__');
  if (at > 0) {
    const suffix = key.slice(at + 2);
    if ((MODIFIERS as readonly string[]).includes(suffix)) {
      return { field: key.slice(0, at), modifier: suffix as Modifier };
    }
  }
  return { field: key, modifier: null };
}

export function isNullSentinel(value: unknown): boolean {
  return typeof value === 'string' && NULL_SENTINELS.includes(value);
}
