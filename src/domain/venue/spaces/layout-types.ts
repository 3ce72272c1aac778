/**
 * Layout types. get-venue.md lists 0 = Custom … 8 = Hollow Square, get-function-space-list.md
 * 1 = Theatre … 9 = Exhibition: Marquee takes the union.
 */
export const LAYOUT_TYPES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type LayoutType = (typeof LAYOUT_TYPES)[number];

export const LAYOUT_TYPE_NAMES: Readonly<Record<LayoutType, string>> = {
  0: 'Custom',
  1: 'Theatre',
  2: 'Classroom',
  3: 'U-Shape',
  4: 'Cabaret',
  5: 'Boardroom',
  6: 'Banquet',
  7: 'Cocktail',
  8: 'Hollow Square',
  9: 'Exhibition',
};
