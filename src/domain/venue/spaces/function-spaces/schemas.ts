/** The function space item of getFunctionSpaceList (get-function-space-list.md). */
import { z } from 'zod';
import { timestampText } from '../../../../registry/result-schemas.js';
import { LAYOUT_TYPES } from '../layout-types.js';

const ids = z.array(z.number().int());

export const spaceLayoutResult = z.strictObject({
  id: z.number().int(),
  layoutName: z.string(),
  layoutType: z.union(LAYOUT_TYPES.map((t) => z.literal(t))),
});

export const functionSpaceResult = z.strictObject({
  id: z.number().int(),
  venueId: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  categoryId: z.number().int().nullable(),
  imageId: z.number().int().nullable(),
  hasLayouts: z.boolean(),
  minPax: z.number().int(),
  maxPax: z.number().int(),
  maxNumBookings: z.number().int(),
  area: z.number().nullable(),
  length: z.number().nullable(),
  width: z.number().nullable(),
  heightMaximum: z.number().nullable(),
  heightMinimum: z.number().nullable(),
  floorPressureMaximum: z.number().nullable(),
  partSpaceIds: ids,
  includedInReportDashboard: z.boolean(),
  threeDScanId: z.string(),
  useIntegrationPartner: z.boolean(),
  isViewable: z.boolean(),
  marketplaceName: z.string().nullable(),
  eventTypes: ids,
  canBeLiveBooked: z.boolean(),
  canProvideFoodBeverage: z.boolean(),
  menuTypeIds: ids,
  beverageCategoryIds: ids,
  availableFromTime: z.string().nullable(),
  availableTillTime: z.string().nullable(),
  minimumBookingTime: z.number().int().nullable(),
  restrictBookingTimeInterval: z.number().int().nullable(),
  availableDaysOfWeek: ids,
  displayAvailabilityTo: z.number().int().nullable(),
  restrictVisibility: z.number().int().nullable(),
  userGroupIds: ids,
  isViewableToAnonymousUsers: z.boolean(),
  sortOrder: z.number().int(),
  marketplaceSortOrder: z.number().int(),
  createdDate: timestampText,
  modifiedDate: timestampText,
  layouts: z.array(spaceLayoutResult),
});

export type FunctionSpaceItem = z.input<typeof functionSpaceResult>;
