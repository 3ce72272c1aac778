/**
 * The venue namespace: venues and their setup data (spaces/, rooms/, catalog/), availability,
 * quotes and bookings with everything they hold, and accommodation (blocks, room reservations,
 * ARI writes). The placeholders below are overridden by the areas' actions.
 */
import { defineNamespace, NOT_IMPLEMENTED } from '../../registry/namespace.js';
import { accommodationActions } from './accommodation/index.js';
import { accommodationMigration } from './accommodation/migrations/0025_venue_accommodation.js';
import { bookingDocumentsActions, bookingDocumentsMigration, bookingFileRoutes } from './booking-documents/index.js';
import { bookingsActions } from './bookings/index.js';
import { bookingsMigration } from './bookings/migrations/0017_venue_bookings.js';
import { catalogActions } from './catalog/index.js';
import { catalogMigration } from './catalog/migrations/0015_venue_catalog.js';
import { venue as venueMigration } from './migrations/0012_venue.js';
import { venueReadPathsMigration } from './migrations/0026_venue_read_paths.js';
import { BOOKING_ANSWER_TABLES, bookingAnswersMigration } from './migrations/0031_booking_answers.js';
import { ariWriteActions } from './rooms/ari/writes/index.js';
import { roomsActions } from './rooms/index.js';
import { roomsMigration } from './rooms/migrations/0014_venue_rooms.js';
import { sessionsActions, sessionsMigration } from './sessions/index.js';
import { bookingMoneyActions, bookingMoneyMigration } from './booking-money/index.js';
import { bookingPeopleActions, bookingPeopleMigration } from './booking-people/index.js';
import { venueRoutes } from './pages/order-start.js';
import { venueSeeder } from './seed/seed.js';
import { spacesActions } from './spaces/index.js';
import { spacesMigration } from './spaces/migrations/0013_venue_spaces.js';
import { occupancyLongHoldsMigration } from './spaces/migrations/0024_space_occupancy_long_holds.js';
import { getVenue, getVenueList } from './venues/actions.js';

export const venue = defineNamespace({
  namespace: 'venue',
  actions: {
    addItemsToBooking: NOT_IMPLEMENTED,
    addOrUpdateBooking: NOT_IMPLEMENTED,
    addOrUpdateBookingAccommodation: NOT_IMPLEMENTED,
    addOrUpdateBookingAttendee: NOT_IMPLEMENTED,
    addOrUpdateBookingNote: NOT_IMPLEMENTED,
    addOrUpdateBookingPackage: NOT_IMPLEMENTED,
    addOrUpdateBookingRoomReservation: NOT_IMPLEMENTED,
    addOrUpdateBookingSession: NOT_IMPLEMENTED,
    addOrUpdateBookingSessionBeverage: NOT_IMPLEMENTED,
    addOrUpdateBookingSessionMenu: NOT_IMPLEMENTED,
    addOrUpdateBookingSessionResource: NOT_IMPLEMENTED,
    addOrUpdateFunctionSpace: NOT_IMPLEMENTED,
    addOrUpdateFunctionSpaceCategory: NOT_IMPLEMENTED,
    addOrUpdateGuestRoom: NOT_IMPLEMENTED,
    addOrUpdateOpportunity: NOT_IMPLEMENTED,
    addOrUpdateOpportunityNote: NOT_IMPLEMENTED,
    addOrUpdateRatePlanBookingRulesCollection: NOT_IMPLEMENTED,
    addOrUpdateRoomCountsCollection: NOT_IMPLEMENTED,
    addOrUpdateRoomDynamicRatesCollection: NOT_IMPLEMENTED,
    addOrUpdateSpaceBlockout: NOT_IMPLEMENTED,
    addPaymentToBooking: NOT_IMPLEMENTED,
    addRefundToBooking: NOT_IMPLEMENTED,
    cancelBookingRoomReservation: NOT_IMPLEMENTED,
    changeBookingStatus: NOT_IMPLEMENTED,
    changeStatusOfBookingRoomReservation: NOT_IMPLEMENTED,
    confirmBookingRoomReservation: NOT_IMPLEMENTED,
    convertLeadToOpportunity: NOT_IMPLEMENTED,
    getAvailableFunctionSpaces: NOT_IMPLEMENTED,
    getBeveragePackageList: NOT_IMPLEMENTED,
    getBooking: NOT_IMPLEMENTED,
    getBookingAccommodationList: NOT_IMPLEMENTED,
    getBookingAttendeeByHash: NOT_IMPLEMENTED,
    getBookingAttendeeList: NOT_IMPLEMENTED,
    getBookingBeoList: NOT_IMPLEMENTED,
    getBookingBeoVersionList: NOT_IMPLEMENTED,
    getBookingChangelogList: NOT_IMPLEMENTED,
    getBookingCustomFieldList: NOT_IMPLEMENTED,
    getBookingDocumentList: NOT_IMPLEMENTED,
    getBookingDocumentVersionList: NOT_IMPLEMENTED,
    getBookingList: NOT_IMPLEMENTED,
    getBookingListForAccount: NOT_IMPLEMENTED,
    getBookingNoteList: NOT_IMPLEMENTED,
    getBookingReleaseSchedule: NOT_IMPLEMENTED,
    getBookingRoomReservationList: NOT_IMPLEMENTED,
    getBookingSessionList: NOT_IMPLEMENTED,
    getBookingSessionMenuList: NOT_IMPLEMENTED,
    getBookingTaxList: NOT_IMPLEMENTED,
    getCostCenterList: NOT_IMPLEMENTED,
    getEventTypeList: NOT_IMPLEMENTED,
    getFunctionSpaceAvailability: NOT_IMPLEMENTED,
    getFunctionSpaceCategoryList: NOT_IMPLEMENTED,
    getFunctionSpaceList: NOT_IMPLEMENTED,
    getMenuList: NOT_IMPLEMENTED,
    getRatePlanBookingRules: NOT_IMPLEMENTED,
    getRatePlanRateList: NOT_IMPLEMENTED,
    getResourceAvailability: NOT_IMPLEMENTED,
    getResourceList: NOT_IMPLEMENTED,
    getRevenueTemplateList: NOT_IMPLEMENTED,
    getRoomInventory: NOT_IMPLEMENTED,
    getRoomRateList: NOT_IMPLEMENTED,
    getRoomRates: NOT_IMPLEMENTED,
    getSessionTypeList: NOT_IMPLEMENTED,
    getSpaceBlockoutList: NOT_IMPLEMENTED,
    getSpaceHirePlanList: NOT_IMPLEMENTED,
    getSpaceHirePlanRate: NOT_IMPLEMENTED,
    getSpaceHirePlanRateList: NOT_IMPLEMENTED,
    getTaxList: NOT_IMPLEMENTED,
    getVenuePackage: NOT_IMPLEMENTED,
    getVenuePackageList: NOT_IMPLEMENTED,
    getVenueRatePlanList: NOT_IMPLEMENTED,
    getVenueRoomList: NOT_IMPLEMENTED,
    getVenueRoomOptionList: NOT_IMPLEMENTED,
    removeBookingAccommodation: NOT_IMPLEMENTED,
    removeBookingRoomReservation: NOT_IMPLEMENTED,
    removeBookingSession: NOT_IMPLEMENTED,
    removeBookingSessionBeverage: NOT_IMPLEMENTED,
    removeBookingSessionMenu: NOT_IMPLEMENTED,
    removeBookingSessionResource: NOT_IMPLEMENTED,
    removeRoomDynamicRates: NOT_IMPLEMENTED,
    removeSpaceBlockout: NOT_IMPLEMENTED,
    updateBookingRoomReservationGuestContact: NOT_IMPLEMENTED,
    uploadBookingDocument: NOT_IMPLEMENTED,
    ...spacesActions,
    ...bookingsActions,
    ...sessionsActions,
    ...bookingDocumentsActions,
    ...bookingMoneyActions,
    ...bookingPeopleActions,
    ...roomsActions,
    ...ariWriteActions,
    ...accommodationActions,
    ...catalogActions,
    getVenue,
    getVenueList,
  },
  migrations: [venueMigration, spacesMigration, roomsMigration, catalogMigration, bookingsMigration, sessionsMigration, bookingPeopleMigration, occupancyLongHoldsMigration, bookingMoneyMigration, bookingDocumentsMigration, accommodationMigration, venueReadPathsMigration, bookingAnswersMigration],
  seeder: venueSeeder,
  // What a getAvailableFunctionSpaces answer is made of (spaces/availability/available-spaces.ts, storage/answer-cache.ts); triggers by 0026_venue_read_paths.
  versionedTables: {
    venues: { key: 'id' },
    function_spaces: { key: 'id' },
    function_space_parts: { key: null },
    function_space_event_types: { key: null },
    function_space_layouts: { key: 'id' },
    space_occupancies: { key: 'id' },
    // …and what a getBooking answer is made of (bookings/get.ts); triggers by 0031_booking_answers.
    ...Object.fromEntries(BOOKING_ANSWER_TABLES.map((table) => [table, { key: 'id' }])),
  },
  routes: async (app, runtime) => {
    await venueRoutes(app, runtime);
    await bookingFileRoutes(app, runtime);
  },
});
