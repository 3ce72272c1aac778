/**
 * venue.getBookingCustomFieldList (get-booking-custom-field-list.md): the account's booking
 * custom field definitions; no venue parameter. Its one code, 24150 "Account does not exist",
 * cannot happen: the key's account always does.
 */
import { z } from 'zod';
import { defineListAction } from '../../../../registry/define-list-action.js';
import { bool, idList } from '../values.js';

/** get-booking-custom-field-list.md, Type. */
export const BOOKING_FIELD_TYPES = [0, 1, 2, 3, 5, 10] as const;

const customFieldResult = z.strictObject({
  id: z.number().int(),
  fieldType: z.union(BOOKING_FIELD_TYPES.map((t) => z.literal(t))),
  displayName: z.string(),
  isRequired: z.boolean(),
  visibleTo: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  userGroupIds: z.array(z.number().int()),
  tooltipText: z.string(),
  isRequiredOnMarketplace: z.boolean(),
  sortOrder: z.number().int(),
  selectValues: z.record(z.string(), z.string()).nullable(),
});

export const getBookingCustomFieldList = defineListAction({
  namespace: 'venue',
  action: 'getBookingCustomFieldList',
  filters: {
    id: { column: 'venue_booking_custom_fields.id', type: 'integer' },
    fieldType: { column: 'venue_booking_custom_fields.field_type', type: 'integer' },
    displayName: { column: 'venue_booking_custom_fields.display_name', type: 'string' },
    isRequired: { column: 'venue_booking_custom_fields.is_required', type: 'boolean' },
    visibleTo: { column: 'venue_booking_custom_fields.visible_to', type: 'integer' },
    tooltipText: { column: 'venue_booking_custom_fields.tooltip_text', type: 'string' },
    isRequiredOnMarketplace: { column: 'venue_booking_custom_fields.is_required_on_marketplace', type: 'boolean' },
    sortOrder: { column: 'venue_booking_custom_fields.sort_order', type: 'integer' },
  },
  item: customFieldResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('venue_booking_custom_fields'),
    idColumn: 'venue_booking_custom_fields.id',
    select: (qb) => qb.selectAll('venue_booking_custom_fields'),
  }),
  items: (rows) =>
    rows.map((r) => ({
      id: r.id,
      fieldType: r.field_type as (typeof BOOKING_FIELD_TYPES)[number],
      displayName: r.display_name,
      isRequired: bool(r.is_required),
      visibleTo: r.visible_to as 1 | 2 | 3,
      userGroupIds: idList(r.user_group_ids),
      tooltipText: r.tooltip_text,
      isRequiredOnMarketplace: bool(r.is_required_on_marketplace),
      sortOrder: r.sort_order,
      selectValues: r.select_values === null ? null : (JSON.parse(r.select_values) as Record<string, string>),
    })),
});
