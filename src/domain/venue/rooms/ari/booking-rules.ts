/**
 * A room type's booking rule of a night in a rate plan: the close-out status set for that
 * night (addOrUpdateRatePlanBookingRulesCollection), else null — the page's example answers
 * null for a night without a rule, and a rate plan has no rule of its own to fall back to.
 */
import type { Scope } from '../../../../storage/scope.js';
import type { RoomRow } from '../guest-rooms/store.js';
import type { RatePlanRow } from '../rate-plans/store.js';
import type { BookingRuleNight } from '../schemas.js';

const key = (plan: number, room: number, night: string) => `${plan}|${room}|${night}`;

/** Every night × plan × room type: nights in order, then plans, then room types, each in the given order. */
export async function bookingRuleNights(
  store: Scope,
  plans: readonly RatePlanRow[],
  rooms: readonly RoomRow[],
  nights: readonly string[],
): Promise<BookingRuleNight[]> {
  if (plans.length === 0 || rooms.length === 0 || nights.length === 0) return [];
  const rows = await store
    .selectFrom('venue_rate_plan_booking_rules')
    .select(['rate_plan_id', 'room_id', 'night', 'close_out_status'])
    .where('rate_plan_id', 'in', plans.map((p) => p.id))
    .where('room_id', 'in', rooms.map((r) => r.id))
    .where('night', '>=', nights[0]!)
    .where('night', '<=', nights[nights.length - 1]!)
    .execute();
  const rules = new Map(rows.map((r) => [key(r.rate_plan_id, r.room_id, r.night), r.close_out_status as 1 | 2]));
  const out: BookingRuleNight[] = [];
  for (const night of nights) {
    for (const plan of plans) {
      for (const room of rooms) {
        out.push({ barId: plan.id, roomId: room.id, date: night, closeOutStatus: rules.get(key(plan.id, room.id, night)) ?? null });
      }
    }
  }
  return out;
}
