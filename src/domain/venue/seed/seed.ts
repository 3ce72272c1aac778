/** The venue namespace's demo data: the venues first, then each setup area's data for them. */
import type { Seeder } from '../../../seed/types.js';
import { seedAccommodation } from '../accommodation/seed.js';
import { seedBookings } from '../bookings/seed.js';
import { seedCatalog } from '../catalog/seed.js';
import { seedAri } from '../rooms/ari/writes/seed.js';
import { seedRooms } from '../rooms/seed.js';
import { seedSpaces } from '../spaces/seed.js';
import { seedVenues } from './venues.js';

export const venueSeeder: Seeder = {
  name: 'venue',
  async seed(ctx) {
    const { venues, counts } = await seedVenues(ctx);
    const area = { ...ctx, venues };
    return {
      ...counts,
      ...(await seedSpaces(area)),
      ...(await seedRooms(area)),
      ...(await seedAri(area)),
      ...(await seedCatalog(area)),
      ...(await seedBookings(area)),
      // Blocks and reservations hang off the seeded bookings.
      ...(await seedAccommodation(area)),
    };
  },
};
