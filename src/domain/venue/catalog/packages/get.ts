/** venue.getVenuePackage (get-venue-package.md): one package of the venue with its sessions and their contents. */
import { z } from 'zod';
import { defineAction } from '../../../../registry/define-action.js';
import { id } from '../../../../registry/params.js';
import { requireVenue } from '../../venues/store.js';
import { venuePackageDetailResult } from './schemas.js';
import { sessionsOf } from './sessions.js';
import { packageItems } from './shapes.js';
import { requirePackage } from './store.js';

export const getVenuePackage = defineAction({
  namespace: 'venue',
  action: 'getVenuePackage',
  kind: 'read',
  params: z.object({ venueId: id(), id: id() }),
  result: venuePackageDetailResult,
  async handler(ctx, params) {
    await requireVenue(ctx.store, params.venueId);
    const row = await requirePackage(ctx.store, params.venueId, params.id);
    const [[item], sessions] = await Promise.all([packageItems(ctx.store, [row]), sessionsOf(ctx.store, row.id)]);
    return { ...item!, sessions };
  },
});
