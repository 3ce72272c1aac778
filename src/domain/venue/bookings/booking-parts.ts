/**
 * What a booking holds besides its own fields, one small loader per part, each answering for a
 * page of bookings at once. The areas that own a part (sessions, catering, resources, packages,
 * items, payments and taxes, documents and BEOs, commissions) replace its loader's body when
 * they land; the booking shapes (shapes.ts) read only these functions, so no shape changes.
 *
 * Sessions come from the sessions area (sessions/booking-parts.ts). Until the other areas land, a
 * part is what a booking without it has: no packages, nothing priced
 * (every amount 0), no BEO, no agent, no catering website.
 */
import type { Scope } from '../../../storage/scope.js';
import { beosOfBookings } from '../booking-documents/beos.js';
import { beveragesOfBookings, menusOfBookings, resourcesOfBookings, sessionsOfBookings } from '../sessions/booking-parts.js';
import { itemsOfBookings, moneyOfBookings, packagesOfBookings } from '../booking-money/booking-parts.js';
import type {
  BookingAdditionalItem,
  BookingBeverage,
  BookingMenu,
  BookingPackage,
  BookingProduct,
  BookingResource,
  BookingServiceFee,
  BookingSession,
  CommissionByCostCentre,
  DailyRevenue,
  FileItem,
} from './part-schemas.js';

type PerBooking<T> = Promise<Map<number, T>>;

const none = <T>(): PerBooking<T> => Promise.resolve(new Map<number, T>());

/** Amounts of a booking, in the venue currency's units (tax included). */
export interface BookingMoney {
  totalAmount: number;
  totalTaxAmount: number;
  amountOutstanding: number;
}
export const NO_MONEY: BookingMoney = { totalAmount: 0, totalTaxAmount: 0, amountOutstanding: 0 };

export interface BookingBeo {
  beoNumbers: string[];
  isBeoFinalised: boolean;
  /** Epoch ms, null while not finalised. */
  beoFinalisedAt: number | null;
}
export const NO_BEO: BookingBeo = { beoNumbers: [], isBeoFinalised: false, beoFinalisedAt: null };

/** Complimentary rooms of an accommodation block (focRoomsDenominator, maxNumFocRoomsPerDay). */
export interface BookingFocRooms {
  denominator: number;
  maxPerDay: number;
}
export const NO_FOC_ROOMS: BookingFocRooms = { denominator: 0, maxPerDay: 0 };

export type CommissionType = 1 | 2 | null;
export interface BookingCommissions {
  hasCommissions: boolean;
  hasCommissionPaid: boolean;
  agentCompanyId: number | null;
  agentContactId: number | null;
  accommodation: { type: CommissionType; amount: number };
  space: { type: CommissionType; amount: number };
  food: { type: CommissionType; amount: number };
  beverage: { type: CommissionType; amount: number };
  audioVisual: { type: CommissionType; amount: number };
  byCostCentre: CommissionByCostCentre[];
}
const noCommission = { type: null, amount: 0 } as const;
export const NO_COMMISSIONS: BookingCommissions = {
  hasCommissions: false,
  hasCommissionPaid: false,
  agentCompanyId: null,
  agentContactId: null,
  accommodation: noCommission,
  space: noCommission,
  food: noCommission,
  beverage: noCommission,
  audioVisual: noCommission,
  byCostCentre: [],
};

export interface BookingCatering {
  hasCateringWebsite: boolean;
  logoId: string | null;
  logo: FileItem | null;
  bannerId: string | null;
  banner: FileItem | null;
  eventDescription: string | null;
  endNumDays: number | null;
  /** 1 Master Account, 2 Guests. */
  foodBeveragePayableBy: 1 | 2;
}
export const NO_CATERING: BookingCatering = {
  hasCateringWebsite: false,
  logoId: null,
  logo: null,
  bannerId: null,
  banner: null,
  eventDescription: null,
  endNumDays: null,
  foodBeveragePayableBy: 1,
};

// What the lists show.
export const bookingMoney = (store: Scope, ids: readonly number[]): PerBooking<BookingMoney> => moneyOfBookings(store, ids);
export const bookingBeos = (store: Scope, ids: readonly number[]): PerBooking<BookingBeo> => beosOfBookings(store, ids);
export const bookingFocRooms = (_store: Scope, _ids: readonly number[]): PerBooking<BookingFocRooms> => none();
export const bookingPackages = (store: Scope, ids: readonly number[]): PerBooking<BookingPackage[]> => packagesOfBookings(store, ids);

// What getBooking adds.
export const bookingSessions = (store: Scope, ids: readonly number[]): PerBooking<BookingSession[]> => sessionsOfBookings(store, ids);
export const bookingMenus = (store: Scope, ids: readonly number[]): PerBooking<BookingMenu[]> => menusOfBookings(store, ids);
export const bookingBeverages = (store: Scope, ids: readonly number[]): PerBooking<BookingBeverage[]> => beveragesOfBookings(store, ids);
export const bookingResources = (store: Scope, ids: readonly number[]): PerBooking<BookingResource[]> => resourcesOfBookings(store, ids);
export const bookingProducts = (_store: Scope, _ids: readonly number[]): PerBooking<BookingProduct[]> => none();
export const bookingAdditionalItems = (store: Scope, ids: readonly number[]): PerBooking<BookingAdditionalItem[]> => itemsOfBookings(store, ids);
export const bookingServiceFees = (_store: Scope, _ids: readonly number[]): PerBooking<BookingServiceFee[]> => none();
export const bookingDailyRevenue = (_store: Scope, _ids: readonly number[]): PerBooking<DailyRevenue[]> => none();
export const bookingCommissions = (_store: Scope, _ids: readonly number[]): PerBooking<BookingCommissions> => none();
export const bookingCatering = (_store: Scope, _ids: readonly number[]): PerBooking<BookingCatering> => none();

/** The list parts of a page of bookings. */
export async function listParts(store: Scope, ids: readonly number[]) {
  const [money, beos, focRooms, packages] = await Promise.all([
    bookingMoney(store, ids),
    bookingBeos(store, ids),
    bookingFocRooms(store, ids),
    bookingPackages(store, ids),
  ]);
  return (id: number) => ({
    money: money.get(id) ?? NO_MONEY,
    beo: beos.get(id) ?? NO_BEO,
    focRooms: focRooms.get(id) ?? NO_FOC_ROOMS,
    packages: packages.get(id) ?? [],
  });
}

/** Everything getBooking shows of what the booking holds. */
export async function detailParts(store: Scope, ids: readonly number[]) {
  const [list, sessions, menus, beverages, resources, products, items, fees, revenue, commissions, catering] = await Promise.all([
    listParts(store, ids),
    bookingSessions(store, ids),
    bookingMenus(store, ids),
    bookingBeverages(store, ids),
    bookingResources(store, ids),
    bookingProducts(store, ids),
    bookingAdditionalItems(store, ids),
    bookingServiceFees(store, ids),
    bookingDailyRevenue(store, ids),
    bookingCommissions(store, ids),
    bookingCatering(store, ids),
  ]);
  return (id: number) => ({
    ...list(id),
    sessions: sessions.get(id) ?? [],
    menus: menus.get(id) ?? [],
    beveragePackages: beverages.get(id) ?? [],
    resources: resources.get(id) ?? [],
    products: products.get(id) ?? [],
    additionalItems: items.get(id) ?? [],
    serviceFees: fees.get(id) ?? [],
    dailyRevenue: revenue.get(id) ?? [],
    commissions: commissions.get(id) ?? NO_COMMISSIONS,
    catering: catering.get(id) ?? NO_CATERING,
  });
}
