/**
 * Venue quotes and bookings → CRM opportunities, one way (crm-systems.md, Quotes and
 * Bookings: "iVvy does not allow for quotes/bookings to be pushed back"). iVvy reads:
 * getBookingListForAccount (every venue) with `modifiedDateAfter`, which compares the
 * booking's lastModifiedDate — anything that changes the booking or what it holds (sessions,
 * items, payments) moves it, so value and dates stay current; a single booking by the same
 * list's `id` filter (getBooking needs the venue).
 *
 * Every status is synced: Prospective (1) and Prospective Hold (9) are quotes, Tentative (2)
 * and Confirmed (3) bookings, Cancelled (4) closes the opportunity as lost. Ordering (5) and
 * Not Accepted (8) belong to catering orders, which are not quotes or bookings: they are left
 * out, unless already synced (then they flow under their own name and the CRM shows them as an
 * unknown stage rather than silently keeping an old one).
 *
 * Canonical fields: name ("<name> (<code>)"), amount (totalAmount, two decimals), date (the
 * event's start date, yyyy-mm-dd: when the revenue comes in), status (prospective,
 * prospective-hold, tentative, confirmed, cancelled), contact and company (the CRM ids of the
 * booking's contact and company, from the contacts and companies modules' pairs).
 */
import type { IvvyItem } from '../ivvy/api.js';
import type { IvvySide, ModuleContext, SyncModule } from '../module.js';
import { offsetFeed, type CollectionPage } from '../ivvy/feed.js';
import { modifiedAt } from '../ivvy/records.js';
import { amountText, crmIdsOf, pairedIds } from '../ivvy/related.js';
import { canonicalValue } from '../fingerprint.js';
import type { FieldValue, SideRecord } from '../types.js';

type IvvyBooking = IvvyItem<'venue', 'getBookingListForAccount'>;

/** get-booking.md, Status: the quote and booking statuses, by canonical name. */
export const BOOKING_STATUS_NAMES: Readonly<Record<number, string>> = {
  1: 'prospective',
  9: 'prospective-hold',
  2: 'tentative',
  3: 'confirmed',
  4: 'cancelled',
  5: 'ordering',
  8: 'not-accepted',
};

/** Statuses that make an opportunity: quotes, bookings, and cancelled ones (lost). */
const SYNCED_STATUSES = new Set([1, 9, 2, 3, 4]);

export const BOOKING_FIELDS = ['name', 'amount', 'date', 'status', 'contact', 'company'] as const;

/** A wire date or timestamp ("2026-05-01 00:00:00 UTC", "" when none) as yyyy-mm-dd. */
function dayOf(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(text);
  return m ? m[1]! : null;
}

export function bookingFields(b: IvvyBooking, contact: string | null, company: string | null): Record<string, FieldValue> {
  const code = b.code.trim();
  return {
    name: canonicalValue('name', code === '' ? b.name : `${b.name} (${code})`),
    amount: amountText(b.totalAmount),
    date: dayOf(b.dateEventStart),
    status: BOOKING_STATUS_NAMES[b.currentStatus] ?? String(b.currentStatus),
    contact,
    company,
  };
}

export const bookingsModule: SyncModule = {
  name: 'bookings',
  description: 'Venue quotes and bookings, one way into CRM opportunities with their value, event date and stage',
  kind: 'bookingOpportunity',
  twoWay: false,
  dependsOn: ['contacts'],
  // venues-endpoint.md: a booking's own changes and those of its sessions (its value and dates).
  webhook: {
    endpoint: 'venuesEndpoint',
    changed: ['BookingAdded', 'BookingUpdated', 'BookingMoved', 'BookingSessionAdded', 'BookingSessionUpdated', 'BookingSessionDeleted'],
    deleted: { subject: 'BookingDeleted', idKey: 'bookingId' },
  },
  entityOptions: () => ({ customFields: [], groups: false }),

  async open(ctx: ModuleContext): Promise<IvvySide> {
    const toRecords = async (page: readonly IvvyBooking[]): Promise<SideRecord[]> => {
      const paired = await pairedIds(ctx.links, 'bookings', page.filter((b) => !SYNCED_STATUSES.has(b.currentStatus)).map((b) => String(b.id)));
      const kept = page.filter((b) => SYNCED_STATUSES.has(b.currentStatus) || paired.has(String(b.id)));
      const contacts = await crmIdsOf(ctx.links, 'contacts', kept.flatMap((b) => (b.contactId === null ? [] : [String(b.contactId)])));
      const companies = await crmIdsOf(ctx.links, 'companies', kept.flatMap((b) => (b.companyId === null ? [] : [String(b.companyId)])));
      return kept.map((b) => ({
        id: String(b.id),
        modifiedAt: modifiedAt(b.lastModifiedDate),
        fields: bookingFields(
          b,
          b.contactId === null ? null : (contacts.get(String(b.contactId)) ?? null),
          b.companyId === null ? null : (companies.get(String(b.companyId)) ?? null),
        ),
        pairedId: null,
      }));
    };

    const feed = offsetFeed<IvvyBooking>({
      api: ctx.api,
      namespace: 'venue',
      action: 'getBookingListForAccount',
      perPage: ctx.pageSize,
      since: (t) => ({ modifiedDateAfter: t }),
      toRecords,
    });

    return {
      fields: BOOKING_FIELDS,
      listChanges: feed.listChanges,
      async get(ids) {
        const found: IvvyBooking[] = [];
        for (const id of ids) {
          if (!/^\d+$/.test(id)) continue;
          const page = await ctx.api.call<CollectionPage<IvvyBooking>>('venue', 'getBookingListForAccount', {
            start: 0,
            perPage: 1,
            filter: { id: Number(id) },
          });
          found.push(...page.results.filter((b) => String(b.id) === id));
        }
        return toRecords(found);
      },
      async *listIds() {
        for await (const page of feed.listAll()) yield page.map((b) => String(b.id));
      },
    };
  },
};
