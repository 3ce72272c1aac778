/**
 * Event registrations → CRM opportunities, one way (crm-systems.md, Event Registrations).
 * iVvy reads: getRegistrationList without `eventId` (every event) filtered by
 * `modifiedDate__GREATERTHAN`; a single registration by the list's `id` filter, because
 * getRegistration does not carry the event's name. Delegate and exhibitor registrations are
 * both synced. Only the configured statuses create opportunities (default: Completed, i.e.
 * paid: "until payment is received they are not guaranteed as income"); a registration
 * already synced keeps flowing whatever its status becomes, so a cancellation reaches the CRM.
 *
 * Canonical fields: name ("<event>: <first> <last> (delegate|exhibitor)"), amount (the
 * invoices' total cost, two decimals), date (completed date, else created date; yyyy-mm-dd),
 * status (completed, payment-waiting, in-progress, cancelled), contact (the CRM id of the
 * main contact, from the contacts module's pairs) and company (the CRM id of that contact's
 * first company, from the contact's synced company membership, when there is one).
 */
import { z } from 'zod';
import type { IvvyItem } from '../ivvy/api.js';
import type { IvvySide, ModuleContext, SyncModule } from '../module.js';
import { offsetFeed, type CollectionPage } from '../ivvy/feed.js';
import { modifiedAt } from '../ivvy/records.js';
import { amountText, dateText, pairedIds } from '../ivvy/related.js';
import { canonicalValue } from '../fingerprint.js';
import type { FieldValue, SideRecord } from '../types.js';

type IvvyRegistration = IvvyItem<'event', 'getRegistrationList'>;

/** get-registration-list.md, Registration Current Status Details (and get-contact.md's 3 Cancelled). */
export const REGISTRATION_STATUS_NAMES = { 1: 'in-progress', 2: 'completed', 3: 'cancelled', 4: 'payment-waiting' } as const;
export const registrationStatus = z.enum(['completed', 'payment-waiting', 'in-progress', 'cancelled']);
export type RegistrationStatusName = z.infer<typeof registrationStatus>;

export const REGISTRATION_FIELDS = ['name', 'amount', 'date', 'status', 'contact', 'company'] as const;

function statuses(settings: Record<string, unknown>): Set<string> {
  const list = settings.statuses;
  return new Set(Array.isArray(list) ? list.map(String) : ['completed']);
}

export const registrationsModule: SyncModule = {
  name: 'registrations',
  description: 'Event registrations (delegates and exhibitors), one way into CRM opportunities with their revenue',
  kind: 'opportunity',
  twoWay: false,
  dependsOn: ['contacts'],
  webhook: { endpoint: 'eventsEndpoint', changed: ['EventRegistrationAdded', 'EventRegistrationUpdated'] },
  entityOptions: () => ({ customFields: [], groups: false }),

  async open(ctx: ModuleContext): Promise<IvvySide> {
    const wanted = statuses(ctx.settings);

    const toRecords = async (page: readonly IvvyRegistration[]): Promise<SideRecord[]> => {
      const status = (r: IvvyRegistration) => REGISTRATION_STATUS_NAMES[r.currentStatus as keyof typeof REGISTRATION_STATUS_NAMES] ?? String(r.currentStatus);
      const paired = await pairedIds(ctx.links, 'registrations', page.filter((r) => !wanted.has(status(r))).map((r) => String(r.id)));
      const kept = page.filter((r) => wanted.has(status(r)) || paired.has(String(r.id)));
      const contactIds = kept.map((r) => r.mainContactId).filter((id): id is number => id !== null).map(String);
      const contacts = await ctx.links.bySideIds('contacts', 'ivvy', contactIds);
      return kept.map((r) => {
        const link = r.mainContactId === null ? undefined : contacts.get(String(r.mainContactId));
        const active = link?.status === 'active' ? link : undefined;
        // The company comes with the contact's synced membership (contacts.companies):
        // its first company that has a CRM counterpart.
        const companies = active?.ivvyState?.companies;
        const company = Array.isArray(companies) ? (companies.find((c) => !c.startsWith('ivvy:')) ?? null) : null;
        const who = `${r.firstName} ${r.lastName}`.trim();
        const fields: Record<string, FieldValue> = {
          name: canonicalValue('name', `${r.eventName}: ${who} (${r.isExhibitor ? 'exhibitor' : 'delegate'})`),
          amount: amountText(r.invoiceTotalCost),
          date: dateText(modifiedAt(r.completedDate ?? r.createdDate) || null),
          status: status(r),
          contact: active?.crmId ?? null,
          company,
        };
        return { id: String(r.id), modifiedAt: modifiedAt(r.modifiedDate), fields, pairedId: null };
      });
    };

    const feed = offsetFeed<IvvyRegistration>({
      api: ctx.api,
      namespace: 'event',
      action: 'getRegistrationList',
      perPage: ctx.pageSize,
      since: (t) => ({ modifiedDate__GREATERTHAN: t }),
      toRecords,
    });

    return {
      fields: REGISTRATION_FIELDS,
      listChanges: feed.listChanges,
      async get(ids) {
        const found: IvvyRegistration[] = [];
        for (const id of ids) {
          const page = await ctx.api.call<CollectionPage<IvvyRegistration>>('event', 'getRegistrationList', {
            start: 0,
            perPage: 1,
            filter: { id: Number(id) },
          });
          found.push(...page.results.filter((r) => String(r.id) === id));
        }
        return toRecords(found);
      },
      async *listIds() {
        for await (const page of feed.listAll()) yield page.map((r) => String(r.id));
      },
    };
  },
};
