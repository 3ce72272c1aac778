/**
 * The booking shapes: the get-booking-list.md item (also get-booking-list-for-account.md's)
 * and the full get-booking.md booking. Unset dates are `""`, as the pages' examples show them
 * (`"dateAccomStart": ""`, `"decisionDate": ""`); unset ids and objects are null.
 */
import { z } from 'zod';
import { timestampText } from '../../../registry/result-schemas.js';
import { externalUrlResult } from '../../contact/external-urls.js';
import {
  bookingAdditionalItemResult,
  bookingBeverageResult,
  bookingMenuResult,
  bookingPackageResult,
  bookingProductResult,
  bookingResourceResult,
  bookingServiceFeeResult,
  bookingSessionResult,
  commissionByCostCentreResult,
  dailyRevenueResult,
  fileResult,
} from './part-schemas.js';
import { ALL_STATUSES } from './status.js';

const int = z.number().int();
const money = z.number();
/** A timestamp, or `""` when there is none. */
const when = z.union([timestampText, z.literal('')]);

export const companySummaryResult = z.strictObject({ id: int, businessName: z.string() });

const person = z.strictObject({
  id: int,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
});

export const agentResult = z.strictObject({
  id: int,
  businessName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

const statusCode = z.union(ALL_STATUSES.map((s) => z.literal(s)));
/** 1 Detailed, 3 Simple, 4 Accommodation Only. */
const bookingType = z.union([z.literal(1), z.literal(3), z.literal(4)]);
/** 1 Fixed, 2 Percentage. */
const commissionType = z.union([z.literal(1), z.literal(2)]).nullable();

/** The fields the list item and the full booking share, in the list example's order. */
const common = {
  id: int,
  venueId: int,
  code: z.string(),
  name: z.string(),
  eventType: z.string().nullable(),
  eventTypeId: int.nullable(),
  eventSubTypeId: int.nullable(),
  companyId: int.nullable(),
  company: companySummaryResult.nullable(),
  contactId: int.nullable(),
  contact: person.nullable(),
  isConfidential: z.boolean(),
  currentStatus: statusCode,
  totalAmount: money,
  totalTaxAmount: money,
  amountOutstanding: money,
  accountTimezone: z.string().nullable(),
  venueTimezone: z.string().nullable(),
  createdDate: timestampText,
  modifiedDate: timestampText,
  lastModifiedDate: timestampText,
  dateEventStart: when,
  dateEventEnd: when,
  convertedToTentative: when,
  convertedToConfirmed: when,
  convertedToCancelled: when,
  isAccommIncluded: z.boolean(),
  dateAccomStart: when,
  dateAccomEnd: when,
  focRoomsDenominator: int,
  maxNumFocRoomsPerDay: int,
  hasPackages: z.boolean(),
  decisionDate: when,
  canBeMoved: z.boolean(),
  bookedById: int.nullable(),
  beoNumbers: z.array(z.string()),
  isBeoFinalised: z.boolean(),
  beoFinalisedDate: when,
  otaFolioRef: z.string().nullable(),
  accommCutOffDate: when,
  accommCancellationDate: when,
  /** add-or-update-booking.md, Accommodation Charging Methods (0–4). */
  accommChargingMethod: int.nullable(),
  accommGuaranteeRequired: z.boolean(),
  accommExternalBlockId: z.string().nullable(),
};

export const bookingListItemResult = z.strictObject({
  ...common,
  leadId: int,
  bookingType,
});
export type BookingListItem = z.input<typeof bookingListItemResult>;

export const bookingResult = z.strictObject({
  ...common,
  /** get-booking.md shows an array of Reservation Methods (1–4). */
  accommReservationMethod: z.array(int),
  hasCommissions: z.boolean(),
  hasCommissionPaid: z.boolean(),
  agentCompanyId: int.nullable(),
  agentCompany: companySummaryResult.nullable(),
  agentContactId: int.nullable(),
  agentContact: person.nullable(),
  commissionAccommodationType: commissionType,
  commissionAccommodation: money,
  commissionSpaceType: commissionType,
  commissionSpace: money,
  commissionFoodType: commissionType,
  commissionFood: money,
  commissionBeverageType: commissionType,
  commissionBeverage: money,
  commissionAudioVisualType: commissionType,
  commissionAudioVisual: money,
  dailyRevenue: z.array(dailyRevenueResult),
  packages: z.array(bookingPackageResult),
  sessions: z.array(bookingSessionResult),
  menus: z.array(bookingMenuResult),
  beveragePackages: z.array(bookingBeverageResult),
  resources: z.array(bookingResourceResult),
  products: z.array(bookingProductResult),
  additionalItems: z.array(bookingAdditionalItemResult),
  serviceFees: z.array(bookingServiceFeeResult),
  salesPersonUser: person.nullable(),
  bookedByUser: person.nullable(),
  leadBccEmail: z.string().nullable(),
  /** 1 Master Account, 2 Guests. */
  foodBeveragePayableBy: z.union([z.literal(1), z.literal(2)]),
  totalAttendees: int,
  agent: agentResult.nullable(),
  commissionByCostCentres: z.array(commissionByCostCentreResult),
  bookingType,
  opportunityId: int,
  hasCateringWebsite: z.boolean(),
  cateringWebsiteLogoId: z.string().nullable(),
  cateringWebsiteLogo: fileResult.nullable(),
  cateringWebsiteBannerId: z.string().nullable(),
  cateringWebsiteBanner: fileResult.nullable(),
  cateringWebsiteEventDesc: z.string().nullable(),
  cateringWebsiteEndNumDays: int.nullable(),
  externalUrls: z.array(externalUrlResult),
});
export type Booking = z.input<typeof bookingResult>;

/** get-booking-changelog-list.md, Booking Changelog. */
export const changelogResult = z.strictObject({
  id: int,
  venueId: int,
  bookingId: int,
  beoId: int.nullable(),
  sessionId: int.nullable(),
  recordedByUserId: int.nullable(),
  refType: int,
  refId: int,
  noteText: z.string(),
  createdDate: timestampText,
  modifiedDate: timestampText,
});
export type ChangelogItem = z.input<typeof changelogResult>;
