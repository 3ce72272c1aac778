/** venue.getBooking (get-booking.md): the full booking, with everything it holds (booking-parts.ts). */
import { z } from 'zod';
import { jsonText } from '../../../protocol/json-text.js';
import { defineAction } from '../../../registry/define-action.js';
import { id } from '../../../registry/params.js';
import { answerCache } from '../../../storage/answer-cache.js';
import { bookingResult, type Booking } from './schemas.js';
import { bookingDetail } from './shapes.js';
import { requireBooking } from './store.js';

/**
 * Answers (their JSON) kept per account while its write version stands: a booking with its
 * sessions, lines and money takes some thirty statements to read, and integrations re-read the
 * same bookings (a PMS polling tonight's events, a CRM sync pairing records). Every table an
 * answer reads is versioned (migrations 0026 and 0031_booking_answers), so any write through
 * any process makes the next call read afresh. A booking with 20 sessions is some 30 kB.
 */
const bookingAnswers = answerCache<Buffer>({ name: 'venue-booking', limit: 32 * 1024 * 1024, weigh: (text) => text.length });

export const getBooking = defineAction({
  namespace: 'venue',
  action: 'getBooking',
  kind: 'read',
  params: z.object({ id: id() }),
  result: bookingResult,
  async handler(ctx, { id: bookingId }) {
    const text = await bookingAnswers.answer(ctx.store, String(bookingId), async () => {
      await requireBooking(ctx.store, bookingId);
      return Buffer.from(JSON.stringify(await bookingDetail(ctx.store, bookingId)), 'utf8');
    });
    return jsonText<Booking>(text);
  },
});
