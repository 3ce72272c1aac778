/** getContactList, getContact, addOrUpdateContact. */
import { z } from 'zod';
import { jsonText } from '../../../protocol/json-text.js';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { bool, id } from '../../../registry/params.js';
import { contactNotFound } from '../errors.js';
import { CONTACT_MEMBERS, venueMemberFilters } from '../../venue/venues/member-filters.js';
import { modifiedDateFilters } from '../modified-filters.js';
import { contactInput } from './params.js';
import { contactListItemResult, contactResult } from './schemas.js';
import { contactDetailText, listItemTexts } from './item-cache.js';
import type { ContactDetail, ContactListItem } from './schemas.js';
import { contactListItems } from './shapes.js';
import { upsertContact } from './upsert.js';

/** Reads of a page of ids before the page is built from rows instead (a contact went between the two). */
const ITEM_ATTEMPTS = 3;

export const getContactList = defineListAction({
  namespace: 'contact',
  action: 'getContactList',
  /**
   * The documented filters plus every scalar field of the result, each with the generic
   * modifiers of filtering.md. venueId and venueGroupId match the contacts a venue deals with
   * (venue/venues/member-filters.ts).
   */
  filters: {
    id: { column: 'contacts.id', type: 'integer' },
    firstName: { column: 'contacts.first_name', type: 'string' },
    lastName: { column: 'contacts.last_name', type: 'string' },
    email: { column: 'contacts.email', type: 'string' },
    phone: { column: 'contacts.phone', type: 'string' },
    status: { column: 'contacts.email_status', type: 'integer' },
    smsStatus: { column: 'contacts.sms_status', type: 'integer' },
    externalId: { column: 'contacts.external_id', type: 'string' },
    modifiedDate: { column: 'contacts.modified_at', type: 'timestamp' },
    createdDate: { column: 'contacts.created_at', type: 'timestamp' },
    ...modifiedDateFilters('contacts.modified_at'),
    // Driven from the membership tables' (owner, contact) indexes rather than probing every contact.
    companyId: {
      type: 'integer',
      where: (eb, value) =>
        eb(
          'contacts.id',
          'in',
          eb.selectFrom('company_contacts').select('company_contacts.contact_id').where('company_contacts.company_id', '=', value),
        ),
    },
    groupId: {
      type: 'integer',
      where: (eb, value) =>
        eb(
          'contacts.id',
          'in',
          eb
            .selectFrom('subscription_group_members')
            .select('subscription_group_members.contact_id')
            .where('subscription_group_members.group_id', '=', value),
        ),
    },
    ...venueMemberFilters(CONTACT_MEMBERS),
  },
  item: contactListItemResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('contacts'),
    idColumn: 'contacts.id',
    select: (qb) => qb.selectAll('contacts'),
    cached: true,
  }),
  items: (rows, ctx) => contactListItems(ctx.store, rows),
  // Items come from the item cache (item-cache.ts) by id; a contact deleted between the page
  // and its item is read again with the page, and after that the page is built from rows.
  async page(ctx, _params, fetch) {
    for (let attempt = 0; attempt < ITEM_ATTEMPTS; attempt++) {
      const page = await fetch({ select: (qb) => qb.select('contacts.id'), queryName: 'contact.getContactList.ids' });
      const texts = await listItemTexts(
        ctx.store,
        page.rows.map((r) => r.id),
        page.version,
        page.continued !== true,
      );
      if (texts.every((t): t is Buffer => t !== null)) {
        return { meta: page.meta, results: texts.map((t) => jsonText<ContactListItem>(t)) };
      }
    }
    return undefined;
  },
});

export const getContact = defineAction({
  namespace: 'contact',
  action: 'getContact',
  kind: 'read',
  params: z.object({ id: id(), useEventSortOrder: bool().optional() }),
  result: contactResult,
  async handler(ctx, params) {
    const text = await contactDetailText(ctx.store, params.id, ctx.publicUrl, { byEventStart: params.useEventSortOrder === true });
    if (text === null) throw contactNotFound();
    return jsonText<ContactDetail>(text);
  },
});

export const addOrUpdateContact = defineAction({
  namespace: 'contact',
  action: 'addOrUpdateContact',
  kind: 'write',
  params: contactInput,
  result: z.strictObject({ id: z.number().int() }),
  async handler(ctx, params) {
    const { id: contactId } = await upsertContact(ctx, params);
    return { id: contactId };
  },
});
