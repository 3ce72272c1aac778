/** What getVenue shows of a venue's packages, menus and beverage packages. */
import type { Scope } from '../../../storage/scope.js';
import type { BeveragePackageSummary, MenuSummary, VenuePackageSummary } from '../venues/schemas.js';

export async function packagesOfVenue(_store: Scope, _venueId: number): Promise<VenuePackageSummary[]> {
  return [];
}

export async function menusOfVenue(_store: Scope, _venueId: number): Promise<MenuSummary[]> {
  return [];
}

export async function beveragePackagesOfVenue(_store: Scope, _venueId: number): Promise<BeveragePackageSummary[]> {
  return [];
}
