/**
 * Which venues are in the marketplace: the operator's side (`marquee marketplace`). Venue ids
 * are unique across accounts, so an operator names a venue by its id alone. Listing sets
 * whether the venue takes live bookings; unlisting also stops live bookings, which only the
 * marketplace offers (instantBookUrl).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';

export interface MarketplaceListing {
  venueId: number;
  accountId: number;
  hashId: string;
  businessName: string;
  city: string | null;
  stateCode: string | null;
  inMarketplace: boolean;
  allowsLiveBook: boolean;
}

const COLUMNS = [
  'id',
  'account_id',
  'hash_id',
  'business_name',
  'address_city',
  'address_state_code',
  'in_marketplace',
  'allows_live_book',
] as const;

type ListingRow = Pick<Database['venues'], 'account_id' | 'hash_id' | 'business_name' | 'address_city' | 'address_state_code' | 'in_marketplace' | 'allows_live_book'> & { id: number };

const listing = (r: ListingRow): MarketplaceListing => ({
  venueId: r.id,
  accountId: r.account_id,
  hashId: r.hash_id,
  businessName: r.business_name,
  city: r.address_city,
  stateCode: r.address_state_code,
  inMarketplace: r.in_marketplace === 1,
  allowsLiveBook: r.allows_live_book === 1,
});

/** Every listed venue of every account, by id. */
export async function marketplaceListings(db: Kysely<Database>): Promise<MarketplaceListing[]> {
  const rows = await db.selectFrom('venues').select(COLUMNS).where('in_marketplace', '=', 1).orderBy('id').execute();
  return rows.map(listing);
}

async function setListing(db: Kysely<Database>, venueId: number, listed: boolean, liveBook: boolean, now: number): Promise<MarketplaceListing> {
  // One statement: the flags change together or not at all.
  const result = await db
    .updateTable('venues')
    .set({ in_marketplace: listed ? 1 : 0, allows_live_book: liveBook ? 1 : 0, modified_at: now })
    .where('id', '=', venueId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new Error(`No venue ${venueId}`);
  return listing(await db.selectFrom('venues').select(COLUMNS).where('id', '=', venueId).executeTakeFirstOrThrow());
}

/** Lists the venue (again), taking live bookings or not. */
export function listVenue(db: Kysely<Database>, venueId: number, options: { liveBook: boolean }, now = Date.now()): Promise<MarketplaceListing> {
  return setListing(db, venueId, true, options.liveBook, now);
}

/** Takes the venue out of the marketplace; a venue that was not listed stays as it was, but for live booking. */
export function unlistVenue(db: Kysely<Database>, venueId: number, now = Date.now()): Promise<MarketplaceListing> {
  return setListing(db, venueId, false, false, now);
}
