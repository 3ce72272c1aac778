/** The venue actions of the rooms area. */
import type { NamespaceActions } from '../../../registry/namespace.js';
import { getRatePlanBookingRules, getRoomInventory, getRoomRates } from './ari/actions.js';
import { getVenueRoomList } from './guest-rooms/list.js';
import { addOrUpdateGuestRoom } from './guest-rooms/upsert.js';
import { getVenueRatePlanList } from './rate-plans/list.js';
import { getRatePlanRateList } from './rate-plans/rates.js';
import { getRoomRateList } from './rate-plans/room-rates.js';
import { getVenueRoomOptionList } from './room-options.js';

export const roomsActions: Partial<NamespaceActions<'venue'>> = {
  getVenueRoomList,
  addOrUpdateGuestRoom,
  getVenueRoomOptionList,
  getVenueRatePlanList,
  getRatePlanRateList,
  getRoomRateList,
  getRoomRates,
  getRoomInventory,
  getRatePlanBookingRules,
};
