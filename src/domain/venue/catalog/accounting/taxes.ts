/**
 * venue.getTaxList (get-tax-list.md): the venue's taxes and service fees. The example shows
 * only id and name; every field of the Returns table is answered.
 */
import { z } from 'zod';
import { defineListAction } from '../../../../registry/define-list-action.js';
import { id } from '../../../../registry/params.js';
import { requireVenue } from '../../venues/store.js';
import { bool, hundredthsFilter, idList, units } from '../values.js';

const oneOrTwo = z.union([z.literal(1), z.literal(2)]);

const taxResult = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  type: oneOrTwo,
  appliesTo: oneOrTwo,
  amountType: oneOrTwo,
  amount: z.number(),
  taxIds: z.array(z.number().int()),
  costcenterIds: z.array(z.number().int()),
  excludedTaxIds: z.array(z.number().int()),
  calculateExclusively: z.boolean(),
  unitType: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
});

export const getTaxList = defineListAction({
  namespace: 'venue',
  action: 'getTaxList',
  params: { venueId: id() },
  filters: {
    id: { column: 'venue_taxes.id', type: 'integer' },
    name: { column: 'venue_taxes.name', type: 'string' },
    type: { column: 'venue_taxes.type', type: 'integer' },
    appliesTo: { column: 'venue_taxes.applies_to', type: 'integer' },
    amountType: { column: 'venue_taxes.amount_type', type: 'integer' },
    amount: hundredthsFilter('venue_taxes.amount'),
    calculateExclusively: { column: 'venue_taxes.calculate_exclusively', type: 'boolean' },
    unitType: { column: 'venue_taxes.unit_type', type: 'integer' },
  },
  item: taxResult,
  async rows(ctx, { venueId }) {
    await requireVenue(ctx.store, venueId);
    return {
      from: ctx.store.selectFrom('venue_taxes'),
      idColumn: 'venue_taxes.id',
      select: (qb) => qb.selectAll('venue_taxes'),
      where: (eb) => eb('venue_taxes.venue_id', '=', venueId),
    };
  },
  items: (rows) =>
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type as 1 | 2,
      appliesTo: r.applies_to as 1 | 2,
      amountType: r.amount_type as 1 | 2,
      amount: units(r.amount),
      taxIds: idList(r.tax_ids),
      costcenterIds: idList(r.cost_center_ids),
      excludedTaxIds: idList(r.excluded_tax_ids),
      calculateExclusively: bool(r.calculate_exclusively),
      unitType: r.unit_type as 1 | 2 | 3 | null,
    })),
});
