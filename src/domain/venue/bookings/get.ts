/** venue.getBooking (get-booking.md): the full booking, with everything it holds (booking-parts.ts). */
import { z } from 'zod';
import { defineAction } from '../../../registry/define-action.js';
import { id } from '../../../registry/params.js';
import { bookingResult } from './schemas.js';
import { bookingDetail } from './shapes.js';
import { requireBooking } from './store.js';

export const getBooking = defineAction({
  namespace: 'venue',
  action: 'getBooking',
  kind: 'read',
  params: z.object({ id: id() }),
  result: bookingResult,
  async handler(ctx, { id: bookingId }) {
    await requireBooking(ctx.store, bookingId);
    return bookingDetail(ctx.store, bookingId);
  },
});
