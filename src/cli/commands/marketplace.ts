import type { Command } from 'commander';
import type { MarketplaceListing } from '../../domain/partner/listing.js';
import { integerOption, printJson, withRuntime } from '../shared.js';
import { plainTable } from '../table.js';

const listingStore = () => import('../../domain/partner/listing.js');

type Options = { database?: string; json?: boolean };

function databaseOverride(database: string | undefined): { databaseUrl?: string } {
  return database ? { databaseUrl: database } : {};
}

function print(listings: readonly MarketplaceListing[], json: boolean | undefined): void {
  if (json) return printJson(listings);
  const rows = listings.map((l) => [l.venueId, l.accountId, l.businessName, [l.city, l.stateCode].filter(Boolean).join(', '), l.inMarketplace ? 'yes' : 'no', l.allowsLiveBook ? 'yes' : 'no']);
  process.stdout.write(plainTable(['venue', 'account', 'name', 'place', 'listed', 'live book'], rows));
}

/** `marquee marketplace`: which venues partner keys see (the partner namespace). */
export function registerMarketplace(program: Command): void {
  const marketplace = program.command('marketplace').description('List venues in the marketplace that partner keys read');

  marketplace
    .command('list')
    .description('The venues in the marketplace, of every account')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--json', 'print JSON')
    .action(async (_local: Options, command: Command) => {
      const opts = command.optsWithGlobals<Options>();
      await withRuntime(databaseOverride(opts.database), async (runtime) => {
        print(await (await listingStore()).marketplaceListings(runtime.storage.db), opts.json);
      });
    });

  marketplace
    .command('add <venueId>')
    .description('List a venue in the marketplace (again), with or without live booking')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--live-book', 'the venue takes live bookings (partners get its instantBookUrl)')
    .option('--json', 'print JSON')
    .action(async (venueId: string, _local: Options & { liveBook?: boolean }, command: Command) => {
      const opts = command.optsWithGlobals<Options & { liveBook?: boolean }>();
      const id = integerOption(venueId);
      await withRuntime(databaseOverride(opts.database), async (runtime) => {
        const listed = await (await listingStore()).listVenue(runtime.storage.db, id, { liveBook: opts.liveBook === true });
        print([listed], opts.json);
      });
    });

  marketplace
    .command('remove <venueId>')
    .description('Take a venue out of the marketplace (and stop its live booking)')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--json', 'print JSON')
    .action(async (venueId: string, _local: Options, command: Command) => {
      const opts = command.optsWithGlobals<Options>();
      const id = integerOption(venueId);
      await withRuntime(databaseOverride(opts.database), async (runtime) => {
        print([await (await listingStore()).unlistVenue(runtime.storage.db, id)], opts.json);
      });
    });
}
