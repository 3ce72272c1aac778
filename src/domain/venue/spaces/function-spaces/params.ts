/** The parameters of addOrUpdateFunctionSpace (add-or-update-function-space.md). */
import { z } from 'zod';
import { array, bool, id, int, number, string, text } from '../../../../registry/params.js';

/** Pax counts: 0 or more (maxPax 0 means no maximum, as the page's example sends). */
const count = () => int().refine((n) => n >= 0, { message: 'Value must be 0 or greater' });
/** Measures (area, lengths, heights, floor pressure): 0 or more. */
const measure = () => number().refine((n) => n >= 0, { message: 'Value must be 0 or greater' });

export const MAX_PARTS = 50;
export const MAX_EVENT_TYPES = 100;

export const spaceParams = z.object({
  id: id().optional(),
  venueId: id().optional(),
  name: text(255).optional(),
  description: string(65_535).nullable().optional(),
  categoryId: id().nullable().optional(),
  hasLayouts: bool().optional(),
  minPax: count().optional(),
  maxPax: count().optional(),
  maxNumBookings: int()
    .refine((n) => n >= 1, { message: 'Value must be greater than 0' })
    .optional(),
  area: measure().nullable().optional(),
  length: measure().nullable().optional(),
  width: measure().nullable().optional(),
  heightMaximum: measure().nullable().optional(),
  heightMinimum: measure().nullable().optional(),
  floorPressureMaximum: measure().nullable().optional(),
  isViewable: bool().optional(),
  eventTypes: array(id(), MAX_EVENT_TYPES).nullable().optional(),
  marketplaceName: string(255).nullable().optional(),
  hasSmallerSpaces: bool().optional(),
  partSpaceIds: array(id(), MAX_PARTS).nullable().optional(),
  includedInReportDashboard: bool().optional(),
  threeDScanId: string(255).nullable().optional(),
  useIntegrationPartner: bool().optional(),
});

export type SpaceParams = z.output<typeof spaceParams>;

/** Required when adding, in the page's order (the first missing one is reported). */
export const REQUIRED_ON_ADD = ['venueId', 'name', 'minPax', 'maxPax', 'maxNumBookings', 'isViewable', 'hasSmallerSpaces'] as const;
