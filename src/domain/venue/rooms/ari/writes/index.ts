/** The ARI write actions: room counts, dynamic rates and rate plan booking rules per night. */
import type { NamespaceActions } from '../../../../../registry/namespace.js';
import { addOrUpdateRatePlanBookingRulesCollection } from './booking-rules.js';
import { addOrUpdateRoomDynamicRatesCollection, removeRoomDynamicRates } from './dynamic-rates.js';
import { addOrUpdateRoomCountsCollection } from './room-counts.js';

export const ariWriteActions: Partial<NamespaceActions<'venue'>> = {
  addOrUpdateRoomCountsCollection,
  addOrUpdateRoomDynamicRatesCollection,
  removeRoomDynamicRates,
  addOrUpdateRatePlanBookingRulesCollection,
};
