/** Groups as getBookingAccommodationList answers them (amounts from cents to currency units). */
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { Scope } from '../../../storage/scope.js';
import { toAmount } from '../../invoice/money.js';
import { lineTotals, venueTaxes } from '../sessions/taxes.js';
import type { GroupItem } from './schemas.js';
import { findGroups, groupDays, groupOptions, type GroupDayRow, type GroupRow } from './store.js';

const ids = (json: string): number[] => JSON.parse(json) as number[];
type Occ = 1 | 2 | 3 | 4;

function dayRate(r: GroupDayRow) {
  return { bookingDate: r.night, numRooms: r.num_rooms, cost: toAmount(r.cost), discount: toAmount(r.discount), numPayableByGuest: r.num_payable_by_guest };
}

export async function groupItems(store: Scope, groups: readonly GroupRow[]): Promise<GroupItem[]> {
  const groupIds = groups.map((g) => g.id);
  const [days, options, taxes] = await Promise.all([groupDays(store, groupIds), groupOptions(store, groupIds), venueTaxes(store, groups.map((g) => g.venue_id))]);
  return groups.map((g) => {
    const mine = days.filter((d) => d.accommodation_id === g.id);
    const list = (kind: GroupDayRow['kind']) => mine.filter((d) => d.kind === kind && d.occ_type === 0);
    const multi = (kind: GroupDayRow['kind']) => mine.filter((d) => d.kind === kind && d.occ_type !== 0);
    return {
      id: g.id,
      venueId: g.venue_id,
      bookingId: g.booking_id,
      roomVenueId: g.room_venue_id,
      barId: g.rate_plan_id,
      roomId: g.room_id,
      startDate: g.start_date,
      endDate: g.end_date,
      overrideCapacity: g.override_capacity === 1,
      costcenterId: g.cost_center_id,
      includeInPackage: g.include_in_package === 1,
      cutOffDate: g.cut_off_date,
      dayRatesActual: list('actual').map(dayRate),
      dayRates: list('rate').map((r) => ({ ...dayRate(r), numFreeRooms: r.num_free_rooms })),
      dayRatesNet: list('net').map(dayRate),
      dayRatesForecast: list('forecast').map(dayRate),
      dayRatesActualMultiOcc: multi('actual').map((r) => ({ ...dayRate(r), occType: r.occ_type as Occ })),
      dayRatesMultiOcc: multi('rate').map((r) => ({ ...dayRate(r), numFreeRooms: r.num_free_rooms, occType: r.occ_type as Occ })),
      dayRatesNetMultiOcc: multi('net').map((r) => ({ ...dayRate(r), occType: r.occ_type as Occ })),
      dayRatesForecastMultiOcc: multi('forecast').map((r) => ({ ...dayRate(r), occType: r.occ_type as Occ })),
      excludedTaxIds: ids(g.excluded_tax_ids),
      roomOptions: options
        .filter((o) => o.accommodation_id === g.id)
        .map((o) => {
          const excluded = ids(o.excluded_tax_ids);
          // The option's value on the night: its price for each option of each room.
          const totals = lineTotals(taxes.get(g.venue_id), { cents: o.price * o.num_rooms * o.num_options, costCenterId: o.cost_center_id, excludedTaxIds: excluded, inPackage: false });
          return {
            bookingDate: o.night,
            roomOptionId: o.room_option_id,
            numRooms: o.num_rooms,
            priceType: o.price_type as 1 | 2,
            numOptions: o.num_options,
            numOptionsPerRoom: o.num_options,
            price: toAmount(o.price),
            discount: 0,
            excludedTaxIds: excluded,
            totalAmount: toAmount(totals.totalAmount),
            totalDiscount: 0,
            totalTaxAmount: toAmount(totals.totalTaxAmount),
            costcenterId: o.cost_center_id,
            numPayableByGuest: o.num_payable_by_guest,
            commission: 0,
          };
        }),
      createdDate: formatTimestamp(g.created_at),
      modifiedDate: formatTimestamp(g.modified_at),
    };
  });
}

export async function groupItem(store: Scope, id: number): Promise<GroupItem> {
  const [row] = await findGroups(store, [id]);
  if (!row) throw new Error(`accommodation group ${id} vanished inside its own transaction`);
  return (await groupItems(store, [row]))[0]!;
}
