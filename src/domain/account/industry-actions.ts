/** account.getIndustryList (account/get-industry-list.md), over the contact namespace's industries. */
import { z } from 'zod';
import { formatTimestamp } from '../../protocol/timestamp.js';
import { defineListAction } from '../../registry/define-list-action.js';
import { modifiedDateFilters } from '../contact/modified-filters.js';
import { instantText } from '../crm/schemas.js';

const industryResult = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  createdDate: instantText,
  modifiedDate: instantText,
});

export const getIndustryList = defineListAction({
  namespace: 'account',
  action: 'getIndustryList',
  filters: {
    id: { column: 'industries.id', type: 'integer' },
    name: { column: 'industries.name', type: 'string' },
    createdDate: { column: 'industries.created_at', type: 'timestamp' },
    modifiedDate: { column: 'industries.modified_at', type: 'timestamp' },
    ...modifiedDateFilters('industries.modified_at'),
  },
  item: industryResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('industries'),
    idColumn: 'industries.id',
    select: (qb) => qb.select(['industries.id', 'industries.name', 'industries.created_at', 'industries.modified_at']),
  }),
  items: (rows) =>
    rows.map((r) => ({ id: r.id, name: r.name, createdDate: formatTimestamp(r.created_at), modifiedDate: formatTimestamp(r.modified_at) })),
});
