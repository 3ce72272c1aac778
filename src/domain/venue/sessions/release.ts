/**
 * Freeing what a booking holds when it is cancelled (change-booking-status.md) or removed:
 * every space its sessions occupy and every unit of a resource they hold. The sessions stay
 * (getBooking still shows them); they just no longer keep anyone else out.
 */
import type { Scope } from '../../../storage/scope.js';
import { releaseBookingOccupancies } from '../spaces/occupancy.js';
import { releaseBookingResources } from '../spaces/resource-occupancy.js';

export interface ReleasedHoldings {
  /** Space occupancies freed (one per session holding a space). */
  spaces: number;
  /** Resource occupancies freed (one per session resource). */
  resources: number;
}

/** Frees every space and resource occupancy of the booking's sessions, in the caller's transaction. */
export async function releaseBookingHoldings(store: Scope, bookingId: number): Promise<ReleasedHoldings> {
  const spaces = await releaseBookingOccupancies(store, bookingId);
  const resources = await releaseBookingResources(store, bookingId);
  return { spaces, resources };
}
