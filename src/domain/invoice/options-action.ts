/**
 * getOptions (get-options.md): the descriptions of the constants invoices carry. Each list is
 * an object from identifier to description, as iVvy's PHP backend encodes such lookups.
 */
import { z } from 'zod';
import { defineAction } from '../../registry/define-action.js';
import { INVOICE_REF_TYPE_DESCRIPTIONS, ITEM_REF_TYPE_DESCRIPTIONS, PAYMENT_METHOD_DESCRIPTIONS } from './codes.js';
import { optionsResult } from './schemas.js';

const asMap = (record: Readonly<Record<number, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [String(k), v]));

export const getOptions = defineAction({
  namespace: 'invoice',
  action: 'getOptions',
  kind: 'read',
  params: z.object({}),
  result: optionsResult,
  async handler(ctx) {
    // Every custom method, retired ones too: old payments still carry their ids.
    const custom = await ctx.store
      .selectFrom('custom_payment_methods')
      .select(['id', 'name'])
      .orderBy('id')
      .execute();
    return {
      invoiceRefTypes: asMap(INVOICE_REF_TYPE_DESCRIPTIONS),
      invoiceLineRefTypes: asMap(ITEM_REF_TYPE_DESCRIPTIONS),
      paymentMethods: asMap(PAYMENT_METHOD_DESCRIPTIONS),
      customPaymentMethods: Object.fromEntries(custom.map((c) => [String(c.id), c.name])),
    };
  },
});
