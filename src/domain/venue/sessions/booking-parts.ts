/**
 * What the booking core reads of a booking's sessions for getBooking (get-booking.md,
 * `sessions`, `menus`, `beveragePackages`, `resources`): one call for a page of bookings,
 * sessions in the order they start, their lines by session then as added.
 */
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { Selectable } from 'kysely';
import type { Scope } from '../../../storage/scope.js';
import type { BookingBeverage, BookingMenu, BookingResource } from '../bookings/part-schemas.js';
import { zoneOf } from '../spaces/venue-time.js';
import { clockOf, clockWindow } from './clock.js';
import type { BookingSessionPart } from './schemas.js';
import { sessionParts } from './shapes.js';
import { sessionsOf, type SessionRow } from './store.js';
import type { BookingSessionBeveragesTable, BookingSessionMenusTable, BookingSessionResourcesTable } from './tables.js';
import { lineTotals, totalFields, venueTaxes, type LineTotals } from './taxes.js';

export type { BookingSessionPart } from './schemas.js';

/** The sessions of each booking, by booking id; a booking without sessions is absent. */
export async function sessionsOfBookings(store: Scope, bookingIds: readonly number[]): Promise<Map<number, BookingSessionPart[]>> {
  const rows = await sessionsOf(store, bookingIds);
  const parts = await sessionParts(store, rows);
  const out = new Map<number, BookingSessionPart[]>();
  rows.forEach((row, i) => out.set(row.booking_id, [...(out.get(row.booking_id) ?? []), parts[i]!]));
  return out;
}

/**
 * What a session line of getBooking (menus, beveragePackages, resources) is priced from, and
 * where it sits in time. A line's `cost` is the unit price stored with it; its total multiplies
 * that by the units it is charged for: attendees for a per-person menu or beverage package (the
 * catalogue's cost type 1), the quantity (and the hours, when hourly) for a resource.
 */
interface LineBasis {
  id: number;
  booking_id: number;
  session_id: number;
  venue_id: number;
  cost: number;
  cost_center_id: number | null;
  excluded_tax_ids: string;
  include_in_package: number;
  booking_package_id: number | null;
  created_at: number;
  modified_at: number;
}

async function lineContext(store: Scope, rows: readonly LineBasis[]) {
  const sessionIds = [...new Set(rows.map((r) => r.session_id))];
  const sessions = sessionIds.length ? await store.selectFrom('booking_sessions').selectAll().where('id', 'in', sessionIds).execute() : [];
  const venueIds = [...new Set(sessions.map((s) => s.space_venue_id))];
  const [venues, taxes] = await Promise.all([
    venueIds.length ? store.selectFrom('venues').select(['id', 'timezone']).where('id', 'in', venueIds).execute() : [],
    venueTaxes(
      store,
      rows.map((r) => r.venue_id),
    ),
  ]);
  const zones = new Map(venues.map((v) => [v.id, zoneOf(v.timezone)]));
  const bySession = new Map(sessions.map((s) => [s.id, s]));
  return {
    session: (id: number) => bySession.get(id)!,
    zone: (s: SessionRow) => zones.get(s.space_venue_id) ?? 'UTC',
    totals: (r: LineBasis, units: number): LineTotals =>
      lineTotals(taxes.get(r.venue_id), {
        cents: Math.round(r.cost * units),
        costCenterId: r.cost_center_id,
        excludedTaxIds: JSON.parse(r.excluded_tax_ids) as number[],
        inPackage: r.include_in_package === 1,
      }),
  };
}

type LineContext = Awaited<ReturnType<typeof lineContext>>;

function priced(c: LineContext, r: LineBasis, units: number) {
  const totals = c.totals(r, units);
  return {
    cost: r.cost / 100,
    discount: 0,
    surcharge: 0,
    excludedTaxIds: JSON.parse(r.excluded_tax_ids) as number[],
    includeInPackage: r.include_in_package === 1,
    bookingPackageId: r.booking_package_id,
    createdDate: formatTimestamp(r.created_at),
    modifiedDate: formatTimestamp(r.modified_at),
    costcenterId: r.cost_center_id,
    ...totalFields(totals),
  };
}

/** A line's times: the session's, or its own times of day on the session's start date. */
function lineTimes(zone: string, session: SessionRow, start: string | null, end: string | null) {
  const whole = clockOf(zone, { from: session.starts_at, to: session.ends_at });
  if (start === null || end === null) return whole;
  return clockOf(zone, clockWindow(zone, whole.startDate, start, end));
}

type MenuRow = Selectable<BookingSessionMenusTable>;
type BeverageRow = Selectable<BookingSessionBeveragesTable>;
type ResourceRow = Selectable<BookingSessionResourcesTable>;

const menuAttendees = (r: MenuRow, session: SessionRow) => (r.same_as_session_attendees === 1 ? session.min_attendees_guaranteed : r.min_attendees_guaranteed);

const splitOf = (r: MenuRow) =>
  JSON.parse(r.cost_centers) as Array<{
    costcenterId: number;
    costPerPerson: number;
    costPerPersonExcludedTaxIds: number[];
  }>;

/** A per-person menu (the catalogue's cost type 1) or one priced per cost center is charged per attendee. */
const menuUnits = (r: MenuRow, session: SessionRow, costType: number | undefined) => (costType === 1 || splitOf(r).length > 0 ? menuAttendees(r, session) : 1);

/** A per-person beverage package (price type 1) is charged per attendee. */
const beverageUnits = (r: BeverageRow, priceType: number | undefined) => (priceType === 1 ? r.min_attendees_guaranteed : 1);

/** A resource is charged per unit, and per hour of its own times when hourly. */
function resourceUnits(zone: string, session: SessionRow, r: ResourceRow): number {
  if (r.cost_type !== 1) return r.quantity;
  const times = lineTimes(zone, session, r.start_time, r.end_time);
  const window = clockWindow(zone, times.startDate, r.start_time, r.end_time);
  return (r.quantity * Math.max(0, window.to - window.from)) / 3_600_000;
}

const group = <T extends { booking_id: number }, P>(rows: readonly T[], parts: readonly P[]) => {
  const out = new Map<number, P[]>();
  rows.forEach((row, i) => out.set(row.booking_id, [...(out.get(row.booking_id) ?? []), parts[i]!]));
  return out;
};

const lineOrder = <T extends { session_id: number; id: number }>(rows: T[]) => rows.sort((a, b) => a.session_id - b.session_id || a.id - b.id);

/** The menus of each booking's sessions (get-booking.md, Menu), by booking id. */
export async function menusOfBookings(store: Scope, bookingIds: readonly number[]): Promise<Map<number, BookingMenu[]>> {
  if (bookingIds.length === 0) return new Map();
  const rows = lineOrder(await store.selectFrom('booking_session_menus').selectAll().where('booking_id', 'in', bookingIds).execute());
  if (rows.length === 0) return new Map();
  const menuIds = [...new Set(rows.map((r) => r.menu_id))];
  const [c, menus] = await Promise.all([
    lineContext(store, rows),
    store.selectFrom('venue_menus').select(['id', 'menu_type_category', 'cost_type']).where('id', 'in', menuIds).execute(),
  ]);
  const menuOf = new Map(menus.map((m) => [m.id, m]));
  return group(
    rows,
    rows.map((r): BookingMenu => {
      const session = c.session(r.session_id);
      const menu = menuOf.get(r.menu_id);
      const attendees = menuAttendees(r, session);
      const split = splitOf(r);
      return {
        id: r.id,
        name: r.name,
        menuVenueId: r.menu_venue_id,
        menuId: r.menu_id,
        menuTypeCategory: menu?.menu_type_category ?? 0,
        menuCategoryId: menu?.menu_type_category ?? 0,
        sessionId: r.session_id,
        ...priced(c, r, menuUnits(r, session, menu?.cost_type)),
        ...lineTimes(c.zone(session), session, r.start_time, r.end_time),
        totalAttendees: attendees,
        ...(split.length > 0
          ? {
              costcenters: split.map((s) => ({
                costcenterId: s.costcenterId,
                costPerPerson: s.costPerPerson / 100,
                costPerPersonExcludedTaxIds: s.costPerPersonExcludedTaxIds,
              })),
            }
          : {}),
      };
    }),
  );
}

/** The beverage packages of each booking's sessions (get-booking.md, Beverage Package), by booking id. */
export async function beveragesOfBookings(store: Scope, bookingIds: readonly number[]): Promise<Map<number, BookingBeverage[]>> {
  if (bookingIds.length === 0) return new Map();
  const rows = lineOrder(await store.selectFrom('booking_session_beverages').selectAll().where('booking_id', 'in', bookingIds).execute());
  if (rows.length === 0) return new Map();
  const packageIds = [...new Set(rows.map((r) => r.beverage_id))];
  const [c, packs] = await Promise.all([
    lineContext(store, rows),
    store.selectFrom('venue_beverage_packages').select(['id', 'price_type', 'small_description', 'marketplace_name']).where('id', 'in', packageIds).execute(),
  ]);
  const packOf = new Map(packs.map((p) => [p.id, p]));
  return group(
    rows,
    rows.map((r): BookingBeverage => {
      const session = c.session(r.session_id);
      const pack = packOf.get(r.beverage_id);
      return {
        id: r.id,
        name: r.name,
        sessionId: r.session_id,
        beverageVenueId: r.beverage_venue_id,
        beverageId: r.beverage_id,
        ...priced(c, r, beverageUnits(r, pack?.price_type)),
        ...lineTimes(c.zone(session), session, r.start_time, r.end_time),
        totalAttendees: r.min_attendees_guaranteed,
        smallDescription: pack?.small_description ?? null,
        marketplaceName: pack?.marketplace_name ?? null,
      };
    }),
  );
}

/** The resources of each booking's sessions (get-booking.md, Resource), by booking id. */
export async function resourcesOfBookings(store: Scope, bookingIds: readonly number[]): Promise<Map<number, BookingResource[]>> {
  if (bookingIds.length === 0) return new Map();
  const rows = lineOrder(await store.selectFrom('booking_session_resources').selectAll().where('booking_id', 'in', bookingIds).execute());
  if (rows.length === 0) return new Map();
  const resourceIds = [...new Set(rows.map((r) => r.resource_id))];
  const [c, resources] = await Promise.all([lineContext(store, rows), store.selectFrom('resources').select(['id', 'name']).where('id', 'in', resourceIds).execute()]);
  const nameOf = new Map(resources.map((r) => [r.id, r.name]));
  return group(
    rows,
    rows.map((r): BookingResource => {
      const session = c.session(r.session_id);
      const zone = c.zone(session);
      const times = lineTimes(zone, session, r.start_time, r.end_time);
      return {
        id: r.id,
        name: nameOf.get(r.resource_id) ?? null,
        sessionId: r.session_id,
        resourceVenueId: r.resource_venue_id,
        resourceId: r.resource_id,
        ...priced(c, r, resourceUnits(zone, session, r)),
        quantity: r.quantity,
        ...times,
      };
    }),
  );
}

/**
 * What the menus, beverage packages and resources of each booking's sessions come to, priced and
 * taxed as getBooking shows them (one LineTotals per line), by booking id: the booking's money
 * (booking-money/pricing.ts) counts them with its other lines.
 */
export async function sessionLineTotals(store: Scope, bookingIds: readonly number[]): Promise<Map<number, LineTotals[]>> {
  const out = new Map<number, LineTotals[]>();
  if (bookingIds.length === 0) return out;
  const [menus, beverages, resources] = await Promise.all([
    store.selectFrom('booking_session_menus').selectAll().where('booking_id', 'in', bookingIds).execute(),
    store.selectFrom('booking_session_beverages').selectAll().where('booking_id', 'in', bookingIds).execute(),
    store.selectFrom('booking_session_resources').selectAll().where('booking_id', 'in', bookingIds).execute(),
  ]);
  const all: LineBasis[] = [...menus, ...beverages, ...resources];
  if (all.length === 0) return out;
  const menuIds = [...new Set(menus.map((r) => r.menu_id))];
  const packageIds = [...new Set(beverages.map((r) => r.beverage_id))];
  const [c, menuTypes, packTypes] = await Promise.all([
    lineContext(store, all),
    menuIds.length ? store.selectFrom('venue_menus').select(['id', 'cost_type']).where('id', 'in', menuIds).execute() : [],
    packageIds.length ? store.selectFrom('venue_beverage_packages').select(['id', 'price_type']).where('id', 'in', packageIds).execute() : [],
  ]);
  const costType = new Map(menuTypes.map((m) => [m.id, m.cost_type]));
  const priceType = new Map(packTypes.map((p) => [p.id, p.price_type]));
  const add = (r: LineBasis, units: number) => out.set(r.booking_id, [...(out.get(r.booking_id) ?? []), c.totals(r, units)]);
  for (const r of menus) add(r, menuUnits(r, c.session(r.session_id), costType.get(r.menu_id)));
  for (const r of beverages) add(r, beverageUnits(r, priceType.get(r.beverage_id)));
  for (const r of resources) {
    const session = c.session(r.session_id);
    add(r, resourceUnits(c.zone(session), session, r));
  }
  return out;
}
