/** Arranging the rooms area's data for tests, straight into the account's tables (amounts in cents). */
import { DateTime } from 'luxon';
import type { Scope } from '../../../src/storage/scope.js';

export interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}

/** The venue's date today, `days` ahead, as the server will see it. */
export const venueDate = (zone: string, days = 0): string => DateTime.now().setZone(zone).plus({ days }).toISODate()!;

export async function setVenue(store: Scope, venueId: number, fields: { distribution?: boolean; timezone?: string }): Promise<void> {
  await store
    .updateTable('venues')
    .set({
      ...(fields.distribution !== undefined ? { has_distribution_channel: fields.distribution ? 1 : 0 } : {}),
      ...(fields.timezone !== undefined ? { timezone: fields.timezone } : {}),
    })
    .where('id', '=', venueId)
    .execute();
}

export async function addRatePlan(store: Scope, venueId: number, name: string, code: string | null = null): Promise<number> {
  const now = Date.now();
  return (
    await store
      .insertInto('venue_rate_plans', { venue_id: venueId, name, code, description: `<p>${name}</p>`, created_at: now, modified_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function addSeason(
  store: Scope,
  ratePlanId: number,
  season: { start: string; end: string; days?: number[]; minimum?: number },
): Promise<number> {
  const now = Date.now();
  const days = season.days ?? [0, 1, 2, 3, 4, 5, 6];
  return (
    await store
      .insertInto('venue_rate_plan_rates', {
        rate_plan_id: ratePlanId,
        start_date: season.start,
        end_date: season.end,
        min_acceptable_rate: season.minimum ?? 10_000,
        days_of_week: days.reduce((m, d) => m | (1 << d), 0),
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function addRoomRate(
  store: Scope,
  seasonId: number,
  roomId: number,
  cents: { cost: number; double?: number | null; triple?: number | null; quad?: number | null; actual?: number; taxes?: number[] },
): Promise<number> {
  const now = Date.now();
  return (
    await store
      .insertInto('venue_room_rates', {
        rate_plan_rate_id: seasonId,
        room_id: roomId,
        cost: cents.cost,
        cost_double: cents.double ?? null,
        cost_triple: cents.triple ?? null,
        cost_quad: cents.quad ?? null,
        cost_excluded_tax_ids: JSON.stringify(cents.taxes ?? []),
        actual_cost: cents.actual ?? 0,
        actual_cost_double: null,
        actual_cost_triple: null,
        actual_cost_quad: null,
        actual_cost_excluded_tax_ids: '[]',
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function setNightCount(store: Scope, roomId: number, night: string, roomCount: number): Promise<void> {
  await store.insertInto('venue_room_night_counts', { room_id: roomId, night, room_count: roomCount, modified_at: Date.now() }).execute();
}

export async function setDynamicRate(store: Scope, ratePlanId: number, roomId: number, night: string, cost: number, costDouble: number | null = null): Promise<void> {
  await store
    .insertInto('venue_room_dynamic_rates', {
      rate_plan_id: ratePlanId,
      room_id: roomId,
      night,
      cost,
      cost_double: costDouble,
      cost_triple: null,
      cost_quad: null,
      modified_at: Date.now(),
    })
    .execute();
}

export async function setBookingRule(store: Scope, ratePlanId: number, roomId: number, night: string, closeOutStatus: 1 | 2): Promise<void> {
  await store
    .insertInto('venue_rate_plan_booking_rules', { rate_plan_id: ratePlanId, room_id: roomId, night, close_out_status: closeOutStatus, modified_at: Date.now() })
    .execute();
}

export async function allocateRooms(store: Scope, roomId: number, night: string, rooms: number, sourceId = 1): Promise<void> {
  await store
    .insertInto('venue_room_allocations', { room_id: roomId, night, rooms, source: 'booking-accommodation', source_id: sourceId, created_at: Date.now() })
    .execute();
}
