/**
 * Every action of the iVvy API v1.0 (ACTIONS.tsv of the reference), with the page that
 * documents it and whether it reads or writes. A compile-time table: `defineAction` accepts
 * only names from it, each namespace must account for every one of its actions (implemented
 * or deliberately answering 501), and the SDK takes its method names from it. Shared by the
 * server and the client, so it lives with the wire format.
 */

const ROWS = [
  ['account', 'addErrorReport', 'account/add-error-report.md', 'write'],
  ['account', 'addOrUpdateCostCenter', 'account/add-or-update-cost-center.md', 'write'],
  ['account', 'getCostCenterList', 'account/get-cost-center-list.md', 'read'],
  ['account', 'getEmailLogList', 'account/get-email-log-list.md', 'read'],
  ['account', 'getIndustryList', 'account/get-industry-list.md', 'read'],
  ['account', 'getUserList', 'account/get-user-list.md', 'read'],
  ['account', 'subscribeToNotifications', 'notifications/notifications.md', 'write'],
  ['account', 'unsubscribeFromNotifications', 'notifications/notifications.md', 'write'],
  ['batch', 'progress', 'getting-started/batch/progress.md', 'read'],
  ['batch', 'repost', 'getting-started/batch/repost.md', 'write'],
  ['batch', 'restart', 'getting-started/batch/restart.md', 'write'],
  ['batch', 'results', 'getting-started/batch/results.md', 'read'],
  ['batch', 'run', 'getting-started/batch/run.md', 'write'],
  ['contact', 'addContactsToSubscriptionGroup', 'contact/add-contacts-to-subscription-group.md', 'write'],
  ['contact', 'addOrUpdateCompany', 'contact/add-or-update-company.md', 'write'],
  ['contact', 'addOrUpdateCompanyNote', 'contact/add-or-update-company-note.md', 'write'],
  ['contact', 'addOrUpdateContact', 'contact/add-or-update-contact.md', 'write'],
  ['contact', 'addOrUpdateContactNote', 'contact/add-or-update-contact-note.md', 'write'],
  ['contact', 'addOrUpdateLead', 'contact/add-or-update-lead.md', 'write'],
  ['contact', 'getCompany', 'contact/get-company.md', 'read'],
  ['contact', 'getCompanyCustomFieldDefinition', 'contact/get-company-custom-field-definition.md', 'read'],
  ['contact', 'getCompanyList', 'contact/get-company-list.md', 'read'],
  ['contact', 'getCompanyNoteList', 'contact/get-company-note-list.md', 'read'],
  ['contact', 'getContact', 'contact/get-contact.md', 'read'],
  ['contact', 'getContactList', 'contact/get-contact-list.md', 'read'],
  ['contact', 'getContactNoteList', 'contact/get-contact-note-list.md', 'read'],
  ['contact', 'getCustomFieldDefinition', 'contact/get-custom-field-definition.md', 'read'],
  ['contact', 'getSubscriptionGroupList', 'contact/get-subscription-group-list.md', 'read'],
  ['contact', 'removeContactsFromSubscriptionGroup', 'contact/remove-contacts-from-subscription-group.md', 'write'],
  ['crm', 'addOrUpdateActivity', 'crm/add-or-update-activity.md', 'write'],
  ['crm', 'addOrUpdateActivityPurpose', 'crm/add-or-update-activity-purpose.md', 'write'],
  ['crm', 'addOrUpdateLeadChannel', 'crm/add-or-update-lead-channel.md', 'write'],
  ['crm', 'addOrUpdateLeadNote', 'crm/add-or-update-lead-note.md', 'write'],
  ['crm', 'addOrUpdateLeadQuality', 'crm/add-or-update-lead-quality.md', 'write'],
  ['crm', 'addOrUpdateLeadSource', 'crm/add-or-update-lead-source.md', 'write'],
  ['crm', 'addOrUpdateLeadStage', 'crm/add-or-update-lead-stage.md', 'write'],
  ['crm', 'addOrUpdateLeadType', 'crm/add-or-update-lead-type.md', 'write'],
  ['crm', 'addOrUpdateTask', 'crm/add-or-update-task.md', 'write'],
  ['crm', 'getActivityList', 'crm/get-activity-list.md', 'read'],
  ['crm', 'getLeadChannelList', 'crm/get-lead-channel-list.md', 'read'],
  ['crm', 'getLeadList', 'crm/get-lead-list.md', 'read'],
  ['crm', 'getLeadNoteList', 'crm/get-lead-note-list.md', 'read'],
  ['crm', 'getLeadQualityList', 'crm/get-lead-quality-list.md', 'read'],
  ['crm', 'getLeadSourceList', 'crm/get-lead-source-list.md', 'read'],
  ['crm', 'getLeadStageList', 'crm/get-lead-stage-list.md', 'read'],
  ['crm', 'getLeadTypeList', 'crm/get-lead-type-list.md', 'read'],
  ['crm', 'getOpportunityList', 'crm/get-opportunity-list.md', 'read'],
  ['crm', 'getOpportunityNoteList', 'crm/get-opportuntiy-note-list.md', 'read'],
  ['crm', 'getTaskList', 'crm/get-task-list.md', 'read'],
  ['event', 'addOrUpdateEvent', 'events/add-or-update-event.md', 'write'],
  ['event', 'createLoginToken', 'events/create-login-token.md', 'write'],
  ['event', 'getAttendee', 'events/get-attendee.md', 'read'],
  ['event', 'getAttendeeList', 'events/get-attendee-list.md', 'read'],
  ['event', 'getEvent', 'events/get-event.md', 'read'],
  ['event', 'getEventList', 'events/get-event-list.md', 'read'],
  ['event', 'getInvitedContactList', 'events/get-invited-contact-list.md', 'read'],
  ['event', 'getRegistration', 'events/get-registration.md', 'read'],
  ['event', 'getRegistrationList', 'events/get-registration-list.md', 'read'],
  ['event', 'getSessionList', 'events/get-session-list.md', 'read'],
  ['event', 'getSpeakerList', 'events/get-speaker-list.md', 'read'],
  ['event', 'getSponsorshipList', 'events/get-sponsorship-list.md', 'read'],
  ['event', 'inviteContacts', 'events/invite-contacts.md', 'write'],
  ['invoice', 'addPayment', 'invoice/add-payment.md', 'write'],
  ['invoice', 'getCreditNote', 'invoice/get-credit-note.md', 'read'],
  ['invoice', 'getCreditNoteList', 'invoice/get-credit-note-list.md', 'read'],
  ['invoice', 'getInvoice', 'invoice/get-invoice.md', 'read'],
  ['invoice', 'getInvoiceList', 'invoice/get-invoice-list.md', 'read'],
  ['invoice', 'getOptions', 'invoice/get-options.md', 'read'],
  ['partner', 'getVenue', 'partner/get-venue.md', 'read'],
  ['partner', 'getVenueList', 'partner/get-venue-list.md', 'read'],
  ['test', 'ping', 'getting-started/test.md', 'read'],
  ['venue', 'addItemsToBooking', 'venues/getoraddbookingdata/add-items-to-booking.md', 'write'],
  ['venue', 'addOrUpdateBooking', 'venues/getoraddbookingdata/add-or-update-booking.md', 'write'],
  ['venue', 'addOrUpdateBookingAccommodation', 'venues/accommodation/add-or-update-booking-accommodation.md', 'write'],
  ['venue', 'addOrUpdateBookingAttendee', 'venues/getoraddbookingdata/add-or-update-booking-attendee.md', 'write'],
  ['venue', 'addOrUpdateBookingNote', 'venues/getoraddbookingdata/add-or-update-booking-note.md', 'write'],
  ['venue', 'addOrUpdateBookingPackage', 'venues/getoraddbookingdata/add-or-update-booking-package.md', 'write'],
  ['venue', 'addOrUpdateBookingRoomReservation', 'venues/accommodation/add-or-update-booking-room-reservation.md', 'write'],
  ['venue', 'addOrUpdateBookingSession', 'venues/getoraddbookingdata/add-or-update-booking-session.md', 'write'],
  ['venue', 'addOrUpdateBookingSessionBeverage', 'venues/getoraddbookingdata/add-or-update-booking-session-beverage.md', 'write'],
  ['venue', 'addOrUpdateBookingSessionMenu', 'venues/getoraddbookingdata/add-or-update-booking-session-menu.md', 'write'],
  ['venue', 'addOrUpdateBookingSessionResource', 'venues/getoraddbookingdata/add-or-update-booking-session-resource.md', 'write'],
  ['venue', 'addOrUpdateFunctionSpace', 'venues/venuedata/add-or-update-function-space.md', 'write'],
  ['venue', 'addOrUpdateFunctionSpaceCategory', 'venues/venuedata/add-or-update-function-space-category.md', 'write'],
  ['venue', 'addOrUpdateGuestRoom', 'venues/venuedata/add-or-update-guest-room.md', 'write'],
  ['venue', 'addOrUpdateOpportunity', 'venues/getoraddbookingdata/add-or-update-opportunity.md', 'write'],
  ['venue', 'addOrUpdateOpportunityNote', 'venues/getoraddbookingdata/add-or-update-opp-note.md', 'write'],
  ['venue', 'addOrUpdateRatePlanBookingRulesCollection', 'venues/accommodation/add-or-update-rateplan-bookingrules.md', 'write'],
  ['venue', 'addOrUpdateRoomCountsCollection', 'venues/accommodation/add-or-update-room-counts.md', 'write'],
  ['venue', 'addOrUpdateRoomDynamicRatesCollection', 'venues/accommodation/add-or-update-room-dynamic-rates.md', 'write'],
  ['venue', 'addOrUpdateSpaceBlockout', 'venues/getoraddbookingdata/add-or-update-blockoutspace.md', 'write'],
  ['venue', 'addPaymentToBooking', 'venues/getoraddbookingdata/add-payment-to-booking.md', 'write'],
  ['venue', 'addRefundToBooking', 'venues/getoraddbookingdata/add-refund-to-booking.md', 'write'],
  ['venue', 'cancelBookingRoomReservation', 'venues/accommodation/cancel-booking-room-reservation.md', 'write'],
  ['venue', 'changeBookingStatus', 'venues/getoraddbookingdata/change-booking-status.md', 'write'],
  ['venue', 'changeStatusOfBookingRoomReservation', 'venues/accommodation/change-status-of-booking-room-reservation.md', 'write'],
  ['venue', 'confirmBookingRoomReservation', 'venues/accommodation/confirm-booking-room-reservation.md', 'write'],
  ['venue', 'convertLeadToOpportunity', 'venues/getoraddbookingdata/convert-lead-to-opportunity.md', 'write'],
  ['venue', 'getAvailableFunctionSpaces', 'venues/venuedata/get-available-function-spaces.md', 'read'],
  ['venue', 'getBeveragePackageList', 'venues/venuedata/get-beverage-package-list.md', 'read'],
  ['venue', 'getBooking', 'venues/getoraddbookingdata/get-booking.md', 'read'],
  ['venue', 'getBookingAccommodationList', 'venues/accommodation/get-booking-accommodation-list.md', 'read'],
  ['venue', 'getBookingAttendeeByHash', 'venues/getoraddbookingdata/get-booking-attendee-by-hash.md', 'read'],
  ['venue', 'getBookingAttendeeList', 'venues/getoraddbookingdata/get-booking-attendee-list.md', 'read'],
  ['venue', 'getBookingBeoList', 'venues/getoraddbookingdata/get-booking-beo-list.md', 'read'],
  ['venue', 'getBookingBeoVersionList', 'venues/getoraddbookingdata/get-booking-beo-version-list.md', 'read'],
  ['venue', 'getBookingChangelogList', 'venues/getoraddbookingdata/get-booking-changelog-list.md', 'read'],
  ['venue', 'getBookingCustomFieldList', 'venues/venuedata/get-booking-custom-field-list.md', 'read'],
  ['venue', 'getBookingDocumentList', 'venues/getoraddbookingdata/get-booking-document-list.md', 'read'],
  ['venue', 'getBookingDocumentVersionList', 'venues/getoraddbookingdata/get-booking-document-version-list.md', 'read'],
  ['venue', 'getBookingList', 'venues/getoraddbookingdata/get-booking-list.md', 'read'],
  ['venue', 'getBookingListForAccount', 'venues/getoraddbookingdata/get-booking-list-for-account.md', 'read'],
  ['venue', 'getBookingNoteList', 'venues/getoraddbookingdata/get-booking-note-list.md', 'read'],
  ['venue', 'getBookingReleaseSchedule', 'venues/get-booking-release-schedule.md', 'read'],
  ['venue', 'getBookingRoomReservationList', 'venues/accommodation/get-booking-room-reservation-list.md', 'read'],
  ['venue', 'getBookingSessionList', 'venues/getoraddbookingdata/get-booking-session-list.md', 'read'],
  ['venue', 'getBookingSessionMenuList', 'venues/getoraddbookingdata/get-booking-session-menu-list.md', 'read'],
  ['venue', 'getBookingTaxList', 'venues/getoraddbookingdata/get-booking-tax-list.md', 'read'],
  ['venue', 'getCostCenterList', 'venues/venuedata/get-cost-center-list.md', 'read'],
  ['venue', 'getEventTypeList', 'venues/venuedata/get-event-type-list.md', 'read'],
  ['venue', 'getFunctionSpaceAvailability', 'venues/venuedata/get-function-space-availability.md', 'read'],
  ['venue', 'getFunctionSpaceCategoryList', 'venues/venuedata/get-function-space-category-list.md', 'read'],
  ['venue', 'getFunctionSpaceList', 'venues/venuedata/get-function-space-list.md', 'read'],
  ['venue', 'getMenuList', 'venues/venuedata/get-menu-list.md', 'read'],
  ['venue', 'getRatePlanBookingRules', 'venues/venuedata/get-rate-plan-booking-rules.md', 'read'],
  ['venue', 'getRatePlanRateList', 'venues/venuedata/get-rate-plan-rate-list.md', 'read'],
  ['venue', 'getResourceAvailability', 'venues/venuedata/get-resource-availability.md', 'read'],
  ['venue', 'getResourceList', 'venues/venuedata/get-resource-list.md', 'read'],
  ['venue', 'getRevenueTemplateList', 'venues/venuedata/get-revenue-template-list.md', 'read'],
  ['venue', 'getRoomInventory', 'venues/venuedata/get-room-inventory.md', 'read'],
  ['venue', 'getRoomRateList', 'venues/venuedata/get-room-rate-list.md', 'read'],
  ['venue', 'getRoomRates', 'venues/venuedata/get-room-rates.md', 'read'],
  ['venue', 'getSessionTypeList', 'venues/venuedata/get-session-type-list.md', 'read'],
  ['venue', 'getSpaceBlockoutList', 'venues/venuedata/get-space-blockout-list.md', 'read'],
  ['venue', 'getSpaceHirePlanList', 'venues/get-space-hire-plan-list.md', 'read'],
  ['venue', 'getSpaceHirePlanRate', 'venues/venuedata/get-space-hire-plan-rate.md', 'read'],
  ['venue', 'getSpaceHirePlanRateList', 'venues/venuedata/get-space-hire-plan-rate-list copy.md', 'read'],
  ['venue', 'getTaxList', 'venues/venuedata/get-tax-list.md', 'read'],
  ['venue', 'getVenue', 'venues/venuedata/get-venue.md', 'read'],
  ['venue', 'getVenueList', 'venues/venuedata/get-venue-list.md', 'read'],
  ['venue', 'getVenuePackage', 'venues/venuedata/get-venue-package.md', 'read'],
  ['venue', 'getVenuePackageList', 'venues/venuedata/get-venue-package-list.md', 'read'],
  ['venue', 'getVenueRatePlanList', 'venues/venuedata/get-venue-rate-plan-list.md', 'read'],
  ['venue', 'getVenueRoomList', 'venues/venuedata/get-venue-room-list.md', 'read'],
  ['venue', 'getVenueRoomOptionList', 'venues/venuedata/get-venue-room-option-list.md', 'read'],
  ['venue', 'removeBookingAccommodation', 'venues/accommodation/remove-booking-accommodation.md', 'write'],
  ['venue', 'removeBookingRoomReservation', 'venues/accommodation/remove-booking-room-reservation.md', 'write'],
  ['venue', 'removeBookingSession', 'venues/getoraddbookingdata/remove-booking-session.md', 'write'],
  ['venue', 'removeBookingSessionBeverage', 'venues/getoraddbookingdata/remove-booking-session-beverage.md', 'write'],
  ['venue', 'removeBookingSessionMenu', 'venues/getoraddbookingdata/remove-booking-session-menu.md', 'write'],
  ['venue', 'removeBookingSessionResource', 'venues/getoraddbookingdata/remove-booking-session-resource.md', 'write'],
  ['venue', 'removeRoomDynamicRates', 'venues/accommodation/remove-room-dynamic-rates.md', 'write'],
  ['venue', 'removeSpaceBlockout', 'venues/getoraddbookingdata/remove-blockoutspace.md', 'write'],
  ['venue', 'updateBookingRoomReservationGuestContact', 'venues/accommodation/update-booking-room-reservation-guest-contact.md', 'write'],
  ['venue', 'uploadBookingDocument', 'venues/getoraddbookingdata/upload-booking-document.md', 'write'],
] as const;

type Row = (typeof ROWS)[number];
type ById = { [R in Row as `${R[0]}.${R[1]}`]: R };

export type Namespace = Row[0];
/** `contact.getContact`, for every catalogued action. */
export type ActionId = keyof ById;
/** The actions of one namespace. */
export type ActionOf<N extends Namespace> = { [K in ActionId]: ById[K][0] extends N ? ById[K][1] : never }[ActionId];
/** The actions of one namespace that only read. */
export type ReadActionOf<N extends Namespace> = {
  [K in ActionId]: ById[K][0] extends N ? (ById[K][3] extends 'read' ? ById[K][1] : never) : never;
}[ActionId];
/** Whether an action reads or writes, as catalogued (never for a name outside the catalogue). */
export type ActionKind<N extends string, A extends string> = `${N}.${A}` extends ActionId ? ById[`${N}.${A}`][3] : never;

export interface CatalogueEntry {
  readonly namespace: Namespace;
  readonly action: string;
  /** Path of the documenting page inside the iVvy API reference. */
  readonly doc: string;
  /** `write` actions run in one transaction with their outbox rows. */
  readonly kind: 'read' | 'write';
}

export const CATALOGUE: readonly CatalogueEntry[] = ROWS.map(([namespace, action, doc, kind]) => ({ namespace, action, doc, kind }));

export const NAMESPACES: readonly Namespace[] = [...new Set(CATALOGUE.map((e) => e.namespace))];

const index = new Map(CATALOGUE.map((e) => [`${e.namespace}.${e.action}`, e]));

export function findCatalogueEntry(namespace: string, action: string): CatalogueEntry | undefined {
  return index.get(`${namespace}.${action}`);
}

export function isNamespace(name: string): name is Namespace {
  return (NAMESPACES as readonly string[]).includes(name);
}
