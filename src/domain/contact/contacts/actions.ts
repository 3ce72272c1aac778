/** getContactList, getContact, addOrUpdateContact. */
import type { SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { jsonText } from '../../../protocol/json-text.js';
import { defineAction } from '../../../registry/define-action.js';
import { bool, collection, id } from '../../../registry/params.js';
import { fetchPage, type FilterSpec } from '../../../storage/collection.js';
import type { Database } from '../../../storage/schema.js';
import { contactNotFound } from '../errors.js';
import { modifiedDateFilters } from '../modified-filters.js';
import { collectionResult } from '../../../registry/result-schemas.js';
import { contactInput } from './params.js';
import { contactListItemResult, contactResult } from './schemas.js';
import { contactDetailText, listItemTexts } from './item-cache.js';
import type { ContactDetail, ContactListItem } from './schemas.js';
import { contactListItems } from './shapes.js';
import type { ContactRow } from './store.js';
import { upsertContact } from './upsert.js';

/**
 * The documented filters plus every scalar field of the result, each with the generic
 * modifiers of filtering.md. venueId and venueGroupId wait for the venues module (a contact's
 * venue links live there), so they are refused as unknown filters until then.
 */
const CONTACT_FILTERS: FilterSpec = {
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
};

export const getContactList = defineAction({
  namespace: 'contact',
  action: 'getContactList',
  kind: 'read',
  params: z.object(collection),
  result: collectionResult(contactListItemResult),
  async handler(ctx, params) {
    const query = () => ({
      dialect: ctx.store.dialect,
      from: ctx.store.selectFrom('contacts'),
      filters: CONTACT_FILTERS,
      params,
      idColumn: 'contacts.id',
      store: ctx.store,
    });
    // Items come from the item cache (item-cache.ts) by id; a contact deleted between the
    // page and its item is read again with the page.
    for (let attempt = 0; attempt < 3; attempt++) {
      const page = await fetchPage<{ id: number }>({
        ...query(),
        select: (qb) => (qb as SelectQueryBuilder<Database, 'contacts', {}>).select('contacts.id'),
        queryName: 'contact.getContactList.ids',
      });
      const texts = await listItemTexts(
        ctx.store,
        page.rows.map((r) => r.id),
        page.version,
        page.continued !== true,
      );
      if (texts.every((t) => t !== null)) {
        return { meta: page.meta, results: texts.map((t) => jsonText<ContactListItem>(t as Buffer)) };
      }
    }
    const page = await fetchPage<ContactRow>({
      ...query(),
      select: (qb) => (qb as SelectQueryBuilder<Database, 'contacts', {}>).selectAll('contacts'),
    });
    return { meta: page.meta, results: await contactListItems(ctx.store, page.rows) };
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
