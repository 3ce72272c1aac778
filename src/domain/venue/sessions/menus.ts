/**
 * A session's menus: venue.addOrUpdateBookingSessionMenu, removeBookingSessionMenu
 * (add-or-update-booking-session-menu.md, remove-booking-session-menu.md) and
 * getBookingSessionMenuList (get-booking-session-menu-list.md).
 *
 * A menu is one of the venue's menus (catalog, venue_menus). Its items are the menu's items:
 * those outside a selection group are the required ones, always served; those in a group are
 * the optional choices, at most the group's maxSelection of them. Adding without `items` serves
 * the required items; `items` serves those named plus the required ones; an update without
 * `items` keeps them. A "multi cost per person" menu (one priced per cost center) takes
 * `costcenters` instead of `cost`, defaulting to the venue's split.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { array, bool, id, int, number, text } from '../../../registry/params.js';
import type { Scope } from '../../../storage/scope.js';
import { requireVenue } from '../venues/store.js';
import { REF, trackSessionChange } from './changes.js';
import { clockTime } from './clock.js';
import { guardLineWrite, missing, MENU_CODES, rejected, required } from './errors.js';
import { lineTimes, saveSessionLine } from './line-write.js';
import { lineTarget, linePricing } from './line-params.js';
import { caseless, count, optionalRef } from './params.js';
import { cents, checkCostCenter, checkTaxes } from './references.js';
import { lineResult, sessionMenuListItemResult, type SessionMenuListItem } from './schemas.js';
import { bookingNotFound } from './session-list.js';
import { findSession, requireSession, type MenuRow } from './store.js';

const C = MENU_CODES;

/** A served menu item, as stored (price in cents). */
interface MenuLine {
  itemId: number;
  name: string;
  quantity: number;
  price: number;
  servingTime: string | null;
}

interface CostCenterSplit {
  costcenterId: number;
  costPerPerson: number;
  costPerPersonExcludedTaxIds: number[];
}

const itemParam = z.object({
  itemId: id(),
  name: text(255).optional(),
  quantity: count().optional(),
  price: number().optional(),
  servingTime: clockTime().nullable().optional(),
});

export const menuParams = z.object({
  id: id().optional(),
  venueId: id(),
  bookingId: id().optional(),
  sessionId: id().optional(),
  menuId: id().optional(),
  name: text(255).optional(),
  minAttendeesGuaranteed: count().optional(),
  sameAsSessionAttendees: bool().optional(),
  startTime: clockTime().nullable().optional(),
  endTime: clockTime().nullable().optional(),
  sameAsSessionTime: bool().optional(),
  includeInPackage: bool().optional(),
  bookingPackageId: optionalRef().nullable().optional(),
  costcenterId: optionalRef().nullable().optional(),
  cost: number().optional(),
  excludedTaxIds: array(id()).nullable().optional(),
  costcenters: array(z.object({ costcenterId: id(), costPerPerson: number(), costPerPersonExcludedTaxIds: array(id()).nullable().optional() }), 50).optional(),
  sortOrder: int().optional(),
  items: array(itemParam, 200).nullable().optional(),
});
type MenuParams = z.output<typeof menuParams>;

async function catalogueItems(store: Scope, menuId: number) {
  const [items, groups] = await Promise.all([
    store.selectFrom('venue_menu_items').selectAll().where('menu_id', '=', menuId).orderBy('sort_order').orderBy('id').execute(),
    store.selectFrom('venue_menu_groups').selectAll().where('menu_id', '=', menuId).orderBy('sort_order').orderBy('id').execute(),
  ]);
  return { items, groups };
}

/** The items the menu will serve: those named (checked against the menu) and every required one. */
async function servedItems(store: Scope, menuId: number, given: z.output<typeof itemParam>[]): Promise<MenuLine[]> {
  const { items, groups } = await catalogueItems(store, menuId);
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const g of given) if (!byId.has(g.itemId)) throw rejected(C, `items: ${g.itemId} is not an item of menu ${menuId}`);
  const named = new Map(given.map((g) => [g.itemId, g]));
  for (const group of groups) {
    const chosen = items.filter((i) => i.group_id === group.id && named.has(i.id)).length;
    if (chosen > group.max_selection) throw rejected(C, `items: at most ${group.max_selection} of '${group.name}' may be chosen, ${chosen} were`);
  }
  return items
    .filter((i) => i.group_id === null || named.has(i.id))
    .map((i) => {
      const g = named.get(i.id);
      // The price of an optional item may be set; a required item's is the menu's.
      const price = g?.price !== undefined && i.group_id !== null ? cents(C, g.price, 'items.price') : i.price;
      return { itemId: i.id, name: g?.name?.trim() ?? i.name, quantity: g?.quantity ?? 1, price, servingTime: g?.servingTime ?? null };
    });
}

async function costCenterSplit(ctx: ActionContext, venueId: number, menuId: number, given: MenuParams['costcenters'], current: MenuRow | undefined): Promise<CostCenterSplit[]> {
  const catalogue = await ctx.store.selectFrom('venue_menu_cost_centers').selectAll().where('menu_id', '=', menuId).orderBy('cost_center_id').execute();
  if (catalogue.length === 0) {
    if (given !== undefined && given.length > 0) throw rejected(C, `costcenters: menu ${menuId} is not priced per cost center`);
    return [];
  }
  if (given === undefined) {
    if (current && current.menu_id === menuId) return JSON.parse(current.cost_centers) as CostCenterSplit[];
    return catalogue.map((c) => ({ costcenterId: c.cost_center_id, costPerPerson: c.cost_per_person, costPerPersonExcludedTaxIds: JSON.parse(c.excluded_tax_ids) as number[] }));
  }
  const split: CostCenterSplit[] = [];
  for (const c of given) {
    await checkCostCenter(ctx.store, C, venueId, c.costcenterId, 'costcenters.costcenterId');
    const excluded = c.costPerPersonExcludedTaxIds ?? [];
    await checkTaxes(ctx.store, C, venueId, excluded, 'costcenters.costPerPersonExcludedTaxIds');
    split.push({ costcenterId: c.costcenterId, costPerPerson: cents(C, c.costPerPerson, 'costcenters.costPerPerson'), costPerPersonExcludedTaxIds: [...new Set(excluded)] });
  }
  return split;
}

async function findMenuLine(store: Scope, id: number): Promise<MenuRow | undefined> {
  return store.selectFrom('booking_session_menus').selectAll().where('id', '=', id).executeTakeFirst();
}

async function upsertMenu(ctx: ActionContext, p: MenuParams) {
  const { session, current, venueId } = await lineTarget(ctx, C, p, (lineId) => findMenuLine(ctx.store, lineId));
  if (!current) {
    if (p.menuId === undefined) throw required(C, 'menuId');
    if (p.name === undefined) throw required(C, 'name');
    if (p.minAttendeesGuaranteed === undefined && p.sameAsSessionAttendees !== true) throw required(C, 'minAttendeesGuaranteed');
  }
  const menuId = p.menuId ?? current!.menu_id;
  const menu = await ctx.store.selectFrom('venue_menus').selectAll().where('id', '=', menuId).where('venue_id', '=', venueId).executeTakeFirst();
  if (!menu) throw rejected(C, `menuId: ${menuId} is not a menu of venue ${venueId}`);
  if (menu.current_status !== 1 && menuId !== current?.menu_id) throw rejected(C, `menuId: menu '${menu.name}' is inactive`);
  const split = await costCenterSplit(ctx, venueId, menuId, p.costcenters, current);
  const priced = await linePricing(ctx, C, venueId, p, current, { costCenter: 'costcenterId', costOptional: split.length > 0 });
  // A multi cost per person menu costs what its split adds up to; `cost` and `excludedTaxIds` are ignored for it.
  if (split.length > 0) {
    priced.cost = split.reduce((sum, c) => sum + c.costPerPerson, 0);
    priced.excluded_tax_ids = '[]';
  }
  const items =
    p.items !== undefined && p.items !== null
      ? await servedItems(ctx.store, menuId, p.items)
      : current && current.menu_id === menuId
        ? (JSON.parse(current.items) as MenuLine[])
        : await servedItems(ctx.store, menuId, []);

  const sameAttendees = p.sameAsSessionAttendees ?? current?.same_as_session_attendees === 1;
  const columns = {
    menu_id: menuId,
    menu_venue_id: venueId,
    name: p.name?.trim() ?? current!.name,
    min_attendees_guaranteed: sameAttendees ? session.min_attendees_guaranteed : (p.minAttendeesGuaranteed ?? current!.min_attendees_guaranteed),
    same_as_session_attendees: sameAttendees ? 1 : 0,
    ...lineTimes(C, p, current),
    cost_centers: JSON.stringify(split),
    items: JSON.stringify(items),
    sort_order: p.sortOrder ?? current?.sort_order ?? 0,
    ...priced,
  };

  let lineId = current?.id ?? 0;
  await trackSessionChange(
    ctx,
    session,
    async () => {
      const saved = await saveSessionLine(ctx, session, 'booking_session_menus', current, columns, findMenuLine);
      lineId = saved.row.id;
      return saved.changed;
    },
    () => ({ refType: REF.menu, refId: lineId, note: `Menu '${columns.name}' ${current ? 'updated' : 'added'} in session '${session.name}'` }),
  );
  return { success: true as const, id: lineId };
}

export const addOrUpdateBookingSessionMenu = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateBookingSessionMenu',
  kind: 'write',
  params: menuParams,
  result: lineResult,
  handler: (ctx, p) => guardLineWrite(ctx, C.failed, () => upsertMenu(ctx, p)),
});

async function removeMenu(ctx: ActionContext, p: { id: number; venueId?: number | undefined; bookingId?: number | undefined; sessionId?: number | undefined }) {
  const line = await findMenuLine(ctx.store, p.id);
  const matches = line && (p.sessionId ?? line.session_id) === line.session_id && (p.bookingId ?? line.booking_id) === line.booking_id;
  if (!line || !matches || (p.venueId !== undefined && p.venueId !== line.venue_id && p.venueId !== line.menu_venue_id)) throw missing(C.line);
  const session = await requireSession(ctx.store, C, line.session_id, {});
  await trackSessionChange(
    ctx,
    session,
    async () => {
      await ctx.store.deleteFrom('booking_session_menus').where('id', '=', line.id).execute();
      return true;
    },
    () => ({ refType: REF.menu, refId: line.id, note: `Menu '${line.name}' removed from session '${session.name}'` }),
  );
  return { success: true as const, id: line.id };
}

export const removeBookingSessionMenu = defineAction({
  namespace: 'venue',
  action: 'removeBookingSessionMenu',
  kind: 'write',
  params: z.object({ id: id(), venueId: id().optional(), bookingId: id().optional(), sessionId: id().optional() }),
  result: lineResult,
  handler: (ctx, p) => guardLineWrite(ctx, C.failed, () => removeMenu(ctx, p)),
});

const money = (c: number) => c / 100;

/** Menu lines as get-booking-session-menu-list.md shows them (ids as strings, as its example). */
export async function menuListItems(store: Scope, rows: readonly MenuRow[]): Promise<SessionMenuListItem[]> {
  if (rows.length === 0) return [];
  const menuIds = [...new Set(rows.map((r) => r.menu_id))];
  const sessionIds = [...new Set(rows.map((r) => r.session_id))];
  const [items, groups, sessions] = await Promise.all([
    store.selectFrom('venue_menu_items').selectAll().where('menu_id', 'in', menuIds).execute(),
    store.selectFrom('venue_menu_groups').selectAll().where('menu_id', 'in', menuIds).orderBy('sort_order').orderBy('id').execute(),
    store.selectFrom('booking_sessions').select(['id', 'min_attendees_guaranteed']).where('id', 'in', sessionIds).execute(),
  ]);
  const itemById = new Map(items.map((i) => [i.id, i]));
  const attendees = new Map(sessions.map((s) => [s.id, s.min_attendees_guaranteed]));
  return rows.map((r): SessionMenuListItem => {
    const served = JSON.parse(r.items) as MenuLine[];
    const shown = (line: MenuLine, optional: boolean) => {
      const item = itemById.get(line.itemId);
      return {
        _type: 'item' as const,
        id: line.itemId,
        name: line.name,
        description: item?.description ?? '',
        quantity: line.quantity,
        price: money(line.price),
        itemCost: money(item?.price ?? line.price),
        isOptional: optional ? (1 as const) : (0 as const),
        servingTime: line.servingTime,
      };
    };
    const groupOf = (line: MenuLine) => itemById.get(line.itemId)?.group_id ?? null;
    const split = JSON.parse(r.cost_centers) as CostCenterSplit[];
    return {
      id: String(r.id),
      venueId: String(r.venue_id),
      bookingId: String(r.booking_id),
      sessionId: String(r.session_id),
      menuId: String(r.menu_id),
      menuVenueId: String(r.menu_venue_id),
      name: r.name,
      minAttendeesGuaranteed: r.same_as_session_attendees === 1 ? (attendees.get(r.session_id) ?? r.min_attendees_guaranteed) : r.min_attendees_guaranteed,
      sameAsSessionTime: r.same_as_session_time === 1,
      startTime: r.start_time,
      endTime: r.end_time,
      includeInPackage: r.include_in_package === 1,
      bookingPackageId: r.booking_package_id,
      costcenterId: r.cost_center_id,
      cost: money(r.cost),
      excludedTaxIds: JSON.parse(r.excluded_tax_ids) as number[],
      ...(split.length > 0
        ? { costcenters: split.map((c) => ({ costcenterId: c.costcenterId, costPerPerson: money(c.costPerPerson), costPerPersonExcludedTaxIds: c.costPerPersonExcludedTaxIds })) }
        : {}),
      items: [
        ...served.filter((l) => groupOf(l) === null).map((l) => shown(l, false)),
        ...groups
          .filter((g) => g.menu_id === r.menu_id && served.some((l) => groupOf(l) === g.id))
          .map((g) => ({
            _type: 'group' as const,
            id: g.hash_id,
            name: g.name,
            marketplaceName: g.marketplace_name,
            minSelection: g.min_selection,
            maxSelection: g.max_selection,
            servingTime: g.serving_time,
            items: served.filter((l) => groupOf(l) === g.id).map((l) => shown(l, true)),
          })),
      ],
      sortOrder: r.sort_order,
      createdDate: formatTimestamp(r.created_at),
      modifiedDate: formatTimestamp(r.modified_at),
    };
  });
}

const ORDER = { name: 'booking_session_menus.name', sortOrder: 'booking_session_menus.sort_order', createdDate: 'booking_session_menus.created_at', modifiedDate: 'booking_session_menus.modified_at' } as const;

export const getBookingSessionMenuList = defineListAction({
  namespace: 'venue',
  action: 'getBookingSessionMenuList',
  params: {
    venueId: id().optional(),
    bookingId: id().optional(),
    sessionId: id().optional(),
    orderBy: caseless(['name', 'sortOrder', 'createdDate', 'modifiedDate'] as const).optional(),
    orderDir: caseless(['asc', 'desc'] as const).optional(),
  },
  filters: {
    id: { column: 'booking_session_menus.id', type: 'integer' },
    menuId: { column: 'booking_session_menus.menu_id', type: 'integer' },
    name: { column: 'booking_session_menus.name', type: 'string' },
    costcenterId: { column: 'booking_session_menus.cost_center_id', type: 'integer' },
    createdDate: { column: 'booking_session_menus.created_at', type: 'timestamp' },
    modifiedDate: { column: 'booking_session_menus.modified_at', type: 'timestamp' },
  },
  item: sessionMenuListItemResult,
  async rows(ctx, params) {
    const { venueId, bookingId, sessionId, orderBy, orderDir } = params;
    if (venueId !== undefined) await requireVenue(ctx.store, venueId);
    if (bookingId !== undefined) {
      const booking = await ctx.store.selectFrom('bookings').select('venue_id').where('id', '=', bookingId).executeTakeFirst();
      if (!booking || (venueId !== undefined && booking.venue_id !== venueId)) throw bookingNotFound();
    }
    if (sessionId !== undefined) {
      const session = await findSession(ctx.store, sessionId);
      if (!session || (bookingId !== undefined && session.booking_id !== bookingId)) throw missing(C.session);
    }
    return {
      from: ctx.store.selectFrom('booking_session_menus'),
      idColumn: 'booking_session_menus.id',
      select: (qb) => {
        const all = qb.selectAll('booking_session_menus');
        return orderBy === undefined ? all : all.orderBy(sql.ref(ORDER[orderBy]), orderDir ?? 'asc');
      },
      where: (eb) =>
        eb.and([
          ...(venueId !== undefined ? [eb.or([eb('booking_session_menus.venue_id', '=', venueId), eb('booking_session_menus.menu_venue_id', '=', venueId)])] : []),
          ...(bookingId !== undefined ? [eb('booking_session_menus.booking_id', '=', bookingId)] : []),
          ...(sessionId !== undefined ? [eb('booking_session_menus.session_id', '=', sessionId)] : []),
        ]),
    };
  },
  items: (rows, ctx) => menuListItems(ctx.store, rows),
});

