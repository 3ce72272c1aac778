/**
 * Every change to a company (its fields, address, references, custom fields) moves its
 * modifiedDate and records CompanyUpdated with the getCompany shape before and after
 * (notifications/companies-endpoint.md); a write that changes nothing records nothing.
 */
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { ActionContext } from '../../../registry/context.js';
import type { CompanyDetail } from './schemas.js';
import { loadCompanyDetails } from './shapes.js';

function content(detail: CompanyDetail | undefined): string {
  if (!detail) return '';
  const { modifiedDate: _ignored, ...rest } = detail;
  return JSON.stringify(rest);
}

export async function trackCompanyChange(ctx: ActionContext, companyId: number, mutate: () => Promise<void>): Promise<boolean> {
  const before = (await loadCompanyDetails(ctx.store, [companyId])).get(companyId);
  await mutate();
  const after = (await loadCompanyDetails(ctx.store, [companyId])).get(companyId);
  if (!before || !after || content(before) === content(after)) return false;
  await ctx.store.updateTable('companies').set({ modified_at: ctx.now }).where('id', '=', companyId).execute();
  await ctx.recordChange('CompanyUpdated', { data: { ...after, modifiedDate: formatTimestamp(ctx.now) }, previousData: before });
  return true;
}

export async function recordCompanyAdded(ctx: ActionContext, companyId: number): Promise<void> {
  const detail = (await loadCompanyDetails(ctx.store, [companyId])).get(companyId);
  if (!detail) throw new Error(`company ${companyId} vanished inside its own transaction`);
  await ctx.recordChange('CompanyAdded', { data: detail });
}
