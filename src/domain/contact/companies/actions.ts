/** getCompanyList, getCompany, addOrUpdateCompany. */
import { z } from 'zod';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { id } from '../../../registry/params.js';
import { companyNotFound } from '../errors.js';
import { COMPANY_MEMBERS, venueMemberFilters } from '../../venue/venues/member-filters.js';
import { modifiedDateFilters } from '../modified-filters.js';
import { companyInput } from './params.js';
import { companyResult } from './schemas.js';
import { companyShapes, loadCompanyDetails } from './shapes.js';
import { upsertCompany } from './upsert.js';
import { selectCompanyWithRefs } from './store.js';

export const getCompanyList = defineListAction({
  namespace: 'contact',
  action: 'getCompanyList',
  /**
   * The documented filters plus the company's scalar fields, each with the generic modifiers.
   * venueId and venueGroupId wait for the venues module and are refused until then.
   */
  filters: {
    id: { column: 'companies.id', type: 'integer' },
    externalId: { column: 'companies.external_id', type: 'string' },
    businessName: { column: 'companies.business_name', type: 'string' },
    tradingName: { column: 'companies.trading_name', type: 'string' },
    businessNumber: { column: 'companies.business_number', type: 'string' },
    email: { column: 'companies.email', type: 'string' },
    phone: { column: 'companies.phone', type: 'string' },
    website: { column: 'companies.website', type: 'string' },
    industryId: { column: 'companies.industry_id', type: 'integer' },
    primaryContactId: { column: 'companies.primary_contact_id', type: 'integer' },
    parentCompanyId: { column: 'companies.parent_company_id', type: 'integer' },
    isAgent: { column: 'companies.is_agent', type: 'boolean' },
    iataNumber: { column: 'companies.iata_number', type: 'string' },
    modifiedDate: { column: 'companies.modified_at', type: 'timestamp' },
    createdDate: { column: 'companies.created_at', type: 'timestamp' },
    ...modifiedDateFilters('companies.modified_at'),
    ...venueMemberFilters(COMPANY_MEMBERS),
  },
  item: companyResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('companies'),
    idColumn: 'companies.id',
    select: (qb) => selectCompanyWithRefs(qb),
  }),
  items: (rows, ctx) => companyShapes(ctx.store, rows),
});

export const getCompany = defineAction({
  namespace: 'contact',
  action: 'getCompany',
  kind: 'read',
  params: z.object({ id: id() }),
  result: companyResult,
  async handler(ctx, params) {
    const company = (await loadCompanyDetails(ctx.store, [params.id])).get(params.id);
    if (!company) throw companyNotFound();
    return company;
  },
});

export const addOrUpdateCompany = defineAction({
  namespace: 'contact',
  action: 'addOrUpdateCompany',
  kind: 'write',
  params: companyInput,
  /** add-or-update-company.md: `{"success": true, "id": …}` when adding, `{"id": …}` when updating. */
  result: z.union([z.strictObject({ success: z.literal(true), id: z.number().int() }), z.strictObject({ id: z.number().int() })]),
  async handler(ctx, params) {
    const { id: companyId, created } = await upsertCompany(ctx, params);
    return created ? { success: true as const, id: companyId } : { id: companyId };
  },
});
