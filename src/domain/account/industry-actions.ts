/** account.getIndustryList (account/get-industry-list.md), over the contact namespace's industries. */
import type { SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { formatTimestamp } from '../../protocol/timestamp.js';
import { defineAction } from '../../registry/define-action.js';
import { collection } from '../../registry/params.js';
import { fetchPage, type FilterSpec } from '../../storage/collection.js';
import type { Database } from '../../storage/schema.js';
import { modifiedDateFilters } from '../contact/modified-filters.js';
import { collectionOf, instantText } from '../crm/schemas.js';

const industryResult = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  createdDate: instantText,
  modifiedDate: instantText,
});

const filters: FilterSpec = {
  id: { column: 'industries.id', type: 'integer' },
  name: { column: 'industries.name', type: 'string' },
  createdDate: { column: 'industries.created_at', type: 'timestamp' },
  modifiedDate: { column: 'industries.modified_at', type: 'timestamp' },
  ...modifiedDateFilters('industries.modified_at'),
};

interface IndustryRow {
  id: number;
  name: string;
  created_at: number;
  modified_at: number;
}

export const getIndustryList = defineAction({
  namespace: 'account',
  action: 'getIndustryList',
  kind: 'read',
  params: z.object(collection),
  result: collectionOf(industryResult),
  async handler(ctx, params) {
    const page = await fetchPage<IndustryRow>({
      dialect: ctx.store.dialect,
      from: ctx.store.selectFrom('industries'),
      filters,
      params,
      idColumn: 'industries.id',
      select: (qb) =>
        (qb as SelectQueryBuilder<Database, 'industries', {}>).select([
          'industries.id',
          'industries.name',
          'industries.created_at',
          'industries.modified_at',
        ]),
    });
    return {
      meta: page.meta,
      results: page.rows.map((r) => ({
        id: r.id,
        name: r.name,
        createdDate: formatTimestamp(r.created_at),
        modifiedDate: formatTimestamp(r.modified_at),
      })),
    };
  },
});
