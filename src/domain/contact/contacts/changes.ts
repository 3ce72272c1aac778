/**
 * Every change to a contact (its fields, groups, companies, custom fields) moves its
 * modifiedDate and records ContactUpdated with the getContact shape before and after
 * (notifications/contacts-endpoint.md). A write that leaves the shape as it was is not a
 * change: the date stays and nothing is recorded, so a sync engine writing back what it read
 * does not see its own echo.
 */
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { ActionContext } from '../../../registry/context.js';
import type { ContactDetail } from './schemas.js';
import { loadContactDetails } from './shapes.js';

function content(detail: ContactDetail | undefined): string {
  if (!detail) return '';
  const { modifiedDate: _ignored, ...rest } = detail;
  return JSON.stringify(rest);
}

/** Runs `mutate` and records the resulting change of each contact in `contactIds`. */
export async function trackContactChanges<T>(
  ctx: ActionContext,
  contactIds: readonly number[],
  mutate: () => Promise<T>,
): Promise<{ result: T; changed: Set<number> }> {
  const ids = [...new Set(contactIds)];
  const before = await loadContactDetails(ctx.store, ids, ctx.publicUrl);
  const result = await mutate();
  const after = await loadContactDetails(ctx.store, ids, ctx.publicUrl);
  const changed = ids.filter((id) => before.has(id) && content(before.get(id)) !== content(after.get(id)));
  if (changed.length > 0) {
    await ctx.store.updateTable('contacts').set({ modified_at: ctx.now }).where('id', 'in', changed).execute();
    const modifiedDate = formatTimestamp(ctx.now);
    for (const id of changed) {
      await ctx.recordChange('ContactUpdated', {
        data: { ...after.get(id)!, modifiedDate },
        previousData: before.get(id)!,
      });
    }
  }
  return { result, changed: new Set(changed) };
}

export async function recordContactAdded(ctx: ActionContext, contactId: number): Promise<void> {
  const detail = (await loadContactDetails(ctx.store, [contactId], ctx.publicUrl)).get(contactId);
  if (!detail) throw new Error(`contact ${contactId} vanished inside its own transaction`);
  await ctx.recordChange('ContactAdded', { data: detail });
}
