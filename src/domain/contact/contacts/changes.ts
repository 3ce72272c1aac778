/**
 * Every change to a contact (its fields, groups, companies, custom fields) moves its
 * modifiedDate and records ContactUpdated with the getContact shape before and after
 * (notifications/contacts-endpoint.md). A write that leaves the shape as it was is not a
 * change: the date stays and nothing is recorded, so a sync engine writing back what it read
 * does not see its own echo.
 */
import type { Updateable } from 'kysely';
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { ActionContext } from '../../../registry/context.js';
import { prepared } from '../../../storage/prepared.js';
import { contactEventLinksNow, loadContactEventLinks } from '../event-links.js';
import type { ContactsTable } from '../tables.js';
import type { ContactDetail, ContactListItem } from './schemas.js';
import { contactListItem, contactRelationsNow, loadContactDetails, loadContactRelations, NO_RELATIONS } from './shapes.js';
import type { ContactRow } from './store.js';

function content(detail: ContactDetail | ContactListItem | undefined): string {
  if (!detail) return '';
  const { modifiedDate: _ignored, ...rest } = detail;
  return JSON.stringify(rest);
}

// The columns a write sets vary; each set of columns is prepared once (storage/prepared.ts).
const updateContact = prepared((store, p: { id: number; set: Updateable<ContactsTable> }) =>
  store.updateTable('contacts').set(p.set).where('id', '=', p.id),
);

/**
 * A write of the contact's own columns only (no groups, companies or custom fields): the
 * contact after the write is the one before with the new values, so it is worked out rather
 * than read back, and the row is written once, with its new modifiedDate when the change
 * shows in getContact's shape. A write that changes nothing writes nothing.
 */
export async function updateContactColumns(ctx: ActionContext, current: ContactRow, set: Updateable<ContactsTable>): Promise<void> {
  const differs = (Object.keys(set) as Array<keyof typeof set>).some((column) => set[column] !== current[column as keyof ContactRow]);
  if (!differs) return;
  const next = { ...current, ...set } as ContactRow;
  // Only the row differs between before and after; the parts made from related rows are the
  // same, so the shape changes exactly when the item made from the row alone does.
  if (content(contactListItem(current, NO_RELATIONS)) === content(contactListItem(next, NO_RELATIONS))) {
    await updateContact(ctx.store, { id: current.id, set });
    return;
  }
  const relations = contactRelationsNow(ctx.store, [current.id]) ?? (await loadContactRelations(ctx.store, [current.id]));
  const links =
    contactEventLinksNow(ctx.store, current.id, ctx.publicUrl) ??
    (await loadContactEventLinks(ctx.store, [current.id], ctx.publicUrl)).get(current.id) ?? { eventInvitations: [], eventRegistrations: [] };
  const shape = (row: ContactRow): ContactDetail => ({ ...contactListItem(row, relations), ...links });
  const before = shape(current);
  const after = shape(next);
  await updateContact(ctx.store, { id: current.id, set: { ...set, modified_at: ctx.now } });
  await ctx.recordChange('ContactUpdated', { data: { ...after, modifiedDate: formatTimestamp(ctx.now) }, previousData: before });
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
