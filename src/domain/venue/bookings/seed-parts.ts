/**
 * What the seeded bookings hold: sessions in the venue's function spaces (occupying them, as
 * the sessions area writes them), a menu and a resource from the venue's catalogue on some of
 * them, a deposit paid on a confirmed booking of each venue (a real venue booking invoice), and
 * on the first of those an uploaded document and a generated BEO. Every write goes through the
 * owning area's action or store function, so the rows are those the API would have left.
 *
 * Sessions never double-book: each candidate space and time is checked against what already
 * holds the venue (blockouts, earlier seeded sessions, overlapping spaces) before it is taken.
 * A cancelled booking holds no space, so it gets nothing. Choices come from the seeded faker.
 */
import type { Faker } from '@faker-js/faker';
import type { z } from 'zod';
import { createActionContext, internalCaller, type ActionContext } from '../../../registry/context.js';
import type { Scope } from '../../../storage/scope.js';
import { uploadBookingDocument } from '../booking-documents/documents.js';
import { generateBookingBeo } from '../booking-documents/beos.js';
import { addPaymentToBooking } from '../booking-money/payments.js';
import { bookingMoneyCents } from '../booking-money/settlement.js';
import { menuParams, addOrUpdateBookingSessionMenu } from '../sessions/menus.js';
import { addOrUpdateBookingSessionResource } from '../sessions/resources.js';
import { addOrUpdateBookingSession } from '../sessions/session-upsert.js';
import { clockWindow } from '../sessions/clock.js';
import { peak } from '../spaces/intervals.js';
import { resourceOccupancies } from '../spaces/resource-occupancy.js';
import { findSpaceConflict } from '../spaces/space-blocking.js';
import { addDays, zoneOf } from '../spaces/venue-time.js';
import type { SeedContext } from '../../../seed/types.js';
import { STATUS } from './status.js';

/** Times of day a seeded session may take, on the venue's clock. */
const SLOTS: ReadonlyArray<readonly [string, string]> = [
  ['09:00:00', '12:30:00'],
  ['13:30:00', '17:00:00'],
  ['18:30:00', '23:00:00'],
];
const SESSION_NAMES = ['Plenary', 'Workshop', 'Breakout', 'Lunch', 'Dinner', 'Cocktail Reception', 'Keynote'];
const SETUP_MINUTES = 30;
const MINUTE = 60_000;

export interface PartCounts {
  bookingSessions: number;
  bookingSessionMenus: number;
  bookingSessionResources: number;
  bookingPayments: number;
  bookingDocuments: number;
  bookingBeos: number;
}

interface Catalogue {
  zone: string;
  spaces: Array<{ id: number; venue_id: number; name: string; max_pax: number; max_num_bookings: number }>;
  costCenters: number[];
  menus: Array<{ id: number; name: string; cost: number; cost_center_id: number | null }>;
  resources: Array<{ id: number; quantity: number | null; hourly_cost: number; restricted: boolean; spaces: number[] }>;
}

async function catalogueOf(tx: Scope, venueId: number): Promise<Catalogue> {
  const [venue, spaces, costCenters, menus, resources, resourceSpaces] = await Promise.all([
    tx.selectFrom('venues').select('timezone').where('id', '=', venueId).executeTakeFirstOrThrow(),
    tx.selectFrom('function_spaces').select(['id', 'venue_id', 'name', 'max_pax', 'max_num_bookings']).where('venue_id', '=', venueId).orderBy('id').execute(),
    tx.selectFrom('venue_cost_centers').select('id').where('venue_id', '=', venueId).orderBy('id').execute(),
    tx.selectFrom('venue_menus').select(['id', 'name', 'cost', 'cost_center_id']).where('venue_id', '=', venueId).where('current_status', '=', 1).orderBy('id').execute(),
    tx.selectFrom('resources').select(['id', 'quantity', 'hourly_cost', 'is_restricted_to_spaces']).where('venue_id', '=', venueId).orderBy('id').execute(),
    tx
      .selectFrom('resource_spaces')
      .innerJoin('resources', 'resources.id', 'resource_spaces.resource_id')
      .select(['resource_spaces.resource_id', 'resource_spaces.space_id'])
      .where('resources.venue_id', '=', venueId)
      .orderBy('resource_spaces.resource_id')
      .orderBy('resource_spaces.space_id')
      .execute(),
  ]);
  return {
    zone: zoneOf(venue.timezone),
    spaces,
    costCenters: costCenters.map((c) => c.id),
    menus,
    resources: resources.map((r) => ({
      id: r.id,
      quantity: r.quantity,
      hourly_cost: r.hourly_cost,
      restricted: r.is_restricted_to_spaces === 1,
      spaces: resourceSpaces.filter((s) => s.resource_id === r.id).map((s) => s.space_id),
    })),
  };
}

interface SeedBooking {
  id: number;
  venue_id: number;
  contact_id: number | null;
  current_status: number;
  date_event_start: string | null;
  date_event_end: string | null;
  total_attendees: number;
}

/** A free space and slot on `day` for `attendees`, tried in a seeded order; undefined when the venue is full that day. */
async function freePlace(tx: Scope, faker: Faker, c: Catalogue, day: string, attendees: number) {
  const spaces = faker.helpers.shuffle(c.spaces.filter((s) => s.max_pax === 0 || s.max_pax >= Math.min(attendees, 20)));
  const slots = faker.helpers.shuffle([...SLOTS]);
  for (const space of spaces) {
    for (const [start, end] of slots) {
      const window = clockWindow(c.zone, day, start, end);
      const conflict = await findSpaceConflict(tx, space, window.from - SETUP_MINUTES * MINUTE, window.to + SETUP_MINUTES * MINUTE);
      if (!conflict) return { space, start, end, window };
    }
  }
  return undefined;
}

/** A resource with a unit free through `window` that may be used in the space. */
async function freeResource(tx: Scope, faker: Faker, c: Catalogue, spaceId: number, window: { from: number; to: number }) {
  for (const r of faker.helpers.shuffle(c.resources.filter((r) => !r.restricted || r.spaces.includes(spaceId)))) {
    if (r.quantity === null) return r;
    const held = await resourceOccupancies(tx, [r.id], window);
    if (peak(held.map((o) => ({ from: o.starts_at, to: o.ends_at, quantity: o.quantity })), window).quantity < r.quantity) return r;
  }
  return undefined;
}

const dollars = (cents: number) => Math.round(cents) / 100;

async function seedSessions(ctx: ActionContext, faker: Faker, c: Catalogue, booking: SeedBooking, counts: PartCounts): Promise<void> {
  if (booking.date_event_start === null || booking.contact_id === null || c.spaces.length === 0 || c.costCenters.length === 0) return;
  const days = booking.date_event_end === null ? 1 : Math.max(1, Math.round((Date.parse(booking.date_event_end) - Date.parse(booking.date_event_start)) / 86_400_000) + 1);
  const wanted = booking.current_status === STATUS.confirmed ? 2 : 1;
  for (let n = 0; n < wanted; n++) {
    const day = addDays(booking.date_event_start, n % days);
    const place = await freePlace(ctx.store, faker, c, day, booking.total_attendees);
    if (!place) continue;
    const attendees = place.space.max_pax > 0 ? Math.min(booking.total_attendees, place.space.max_pax) : booking.total_attendees;
    const costCenter = faker.helpers.arrayElement(c.costCenters);
    const session = await addOrUpdateBookingSession.handler(
      ctx,
      addOrUpdateBookingSession.params.parse({
        bookingId: booking.id,
        spaceVenueId: place.space.venue_id,
        spaceId: place.space.id,
        contactId: booking.contact_id,
        name: faker.helpers.arrayElement(SESSION_NAMES),
        minAttendeesGuaranteed: attendees,
        expectedAttendees: attendees,
        startDate: day,
        startTime: place.start,
        endTime: place.end,
        setupTime: SETUP_MINUTES,
        setdownTime: SETUP_MINUTES,
        costcenterId: costCenter,
        cost: faker.number.int({ min: 5, max: 40 }) * 100,
      }),
    );
    counts.bookingSessions += 1;
    const sessionId = session.id;
    if (c.menus.length > 0 && faker.datatype.boolean({ probability: 0.6 })) {
      const menu = faker.helpers.arrayElement(c.menus);
      const params: z.input<typeof menuParams> = {
        venueId: booking.venue_id,
        bookingId: booking.id,
        sessionId,
        menuId: menu.id,
        name: menu.name,
        sameAsSessionAttendees: true,
        costcenterId: menu.cost_center_id ?? costCenter,
        cost: dollars(menu.cost),
      };
      await addOrUpdateBookingSessionMenu.handler(ctx, menuParams.parse(params));
      counts.bookingSessionMenus += 1;
    }
    if (faker.datatype.boolean({ probability: 0.5 })) {
      const resource = await freeResource(ctx.store, faker, c, place.space.id, place.window);
      if (resource) {
        await addOrUpdateBookingSessionResource.handler(
          ctx,
          addOrUpdateBookingSessionResource.params.parse({
            venueId: booking.venue_id,
            bookingId: booking.id,
            sessionId,
            resourceId: resource.id,
            quantity: 1,
            startTime: place.start,
            endTime: place.end,
            includeInPackage: false,
            costCenterId: costCenter,
            cost: dollars(resource.hourly_cost),
            costType: 1,
          }),
        );
        counts.bookingSessionResources += 1;
      }
    }
  }
}

/** A small text file: the run sheet a coordinator would have uploaded. */
function runSheet(name: string): Buffer {
  return Buffer.from(`Run sheet - ${name}\n\nArrival and registration, sessions as booked, pack down after the last session.\n`, 'utf8');
}

/** Adds the sessions and lines of a venue's seeded bookings, and money and paperwork on a confirmed one. */
export async function seedBookingParts(seed: SeedContext, tx: Scope, venueIds: readonly number[]): Promise<PartCounts> {
  const { faker, now } = seed;
  const counts: PartCounts = { bookingSessions: 0, bookingSessionMenus: 0, bookingSessionResources: 0, bookingPayments: 0, bookingDocuments: 0, bookingBeos: 0 };
  const context = (upload?: { filename: string; contentType: string; bytes: Buffer }) =>
    createActionContext(seed, tx, upload ? { ...internalCaller(tx.accountId), upload: { field: 'fileId', ...upload } } : internalCaller(tx.accountId), {
      now,
      recordChanges: false,
    });
  const ctx = context();
  for (const venueId of venueIds) {
    const c = await catalogueOf(tx, venueId);
    const bookings = await tx
      .selectFrom('bookings')
      .select(['id', 'venue_id', 'name', 'contact_id', 'current_status', 'date_event_start', 'date_event_end', 'total_attendees'])
      .where('venue_id', '=', venueId)
      .where('current_status', '!=', STATUS.cancelled)
      .orderBy('id')
      .execute();
    for (const booking of bookings) await seedSessions(ctx, faker, c, booking, counts);

    // A deposit on the first confirmed booking that has something to pay for.
    const owed = await bookingMoneyCents(
      tx,
      bookings.filter((b) => b.current_status === STATUS.confirmed).map((b) => b.id),
    );
    const payable = bookings.find((b) => (owed.get(b.id)?.outstandingCents ?? 0) >= 100);
    if (!payable) continue;
    const deposit = Math.floor((owed.get(payable.id)!.outstandingCents * faker.number.int({ min: 20, max: 50 })) / 100);
    await addPaymentToBooking.handler(
      ctx,
      addPaymentToBooking.params.parse({
        venueId,
        bookingId: payable.id,
        payment: { amountPaid: dollars(deposit), paymentMethod: faker.helpers.arrayElement([1, 2, 3]), paidDate: null, receiptNum: `R-${faker.string.numeric(6)}` },
      }),
    );
    counts.bookingPayments += 1;
    if (counts.bookingDocuments > 0) continue;
    const file = { filename: 'run-sheet.txt', contentType: 'text/plain', bytes: runSheet(payable.name) };
    await uploadBookingDocument.handler(context(file), uploadBookingDocument.params.parse({ venueId, bookingId: payable.id, fileId: 'run-sheet.txt', type: 3, status: 3 }));
    counts.bookingDocuments += 1;
    await generateBookingBeo(ctx, payable.id, { versionNote: 'First issue' });
    counts.bookingBeos += 1;
  }
  return counts;
}
