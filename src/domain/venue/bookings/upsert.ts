/**
 * venue.addOrUpdateBooking (add-or-update-booking.md). Adding needs a type, a status, a name,
 * an event type, a coordinator and a number of attendees (23017 when missing), event dates for a
 * detailed booking and accommodation dates when accommodation is included. Updating is an
 * overlay: only what the request names changes, checked against the booking as it would be
 * saved; leadId, bookingType, currentStatus and totalAttendees have no effect on an update, as
 * the page says. Everything is checked before the first write.
 */
import type { Updateable } from 'kysely';
import { z } from 'zod';
import { isRequired } from '../../../protocol/specific-codes.js';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { userExists } from '../../account/users-store.js';
import { mergeExternalUrls, parseExternalUrls, serialiseExternalUrls } from '../../contact/external-urls.js';
import { eventCodeOf, provisionalEventCode } from '../../event/tokens.js';
import { lockNaturalKey } from '../../../storage/natural-key-lock.js';
import { requireVenue, type VenueRow } from '../venues/store.js';
import { recordBookingAdded, trackBookingChange } from './changes.js';
import { BOOKING_CODES, guardBookingWrite, invalidData } from './errors.js';
import { adoptBooking, newBookingOpportunity, requireVenueOpportunity } from './opportunity-link.js';
import { ROLE_PARAMS, bookingParams, type BookingParams } from './params.js';
import { applyParty, checkParty, namesParty, type Party } from './party.js';
import { isQuote, STATUS } from './status.js';
import { requireBooking, type BookingRow } from './store.js';
import type { BookingsTable } from './tables.js';

export const bookingUpsertResult = z.strictObject({
  success: z.literal(true),
  id: z.number().int().positive(),
  warnings: z.array(z.enum(['packageErrors', 'packageSessionErrors'])).optional(),
});

const invalid = (...reasons: string[]) => invalidData(BOOKING_CODES, ...reasons);
const flag = (b: boolean | undefined) => (b === undefined ? undefined : b ? 1 : 0);

/** The booking's own columns the request sets (party, links and status aside). */
function columns(p: BookingParams): Updateable<BookingsTable> {
  const set: Updateable<BookingsTable> = {
    name: p.name?.trim(),
    code: p.code?.trim(),
    industry_id: p.industryId,
    purchase_order_number: p.purchaseOrderNumber === undefined ? undefined : p.purchaseOrderNumber?.trim() || null,
    event_type_id: p.eventTypeId,
    event_sub_type_id: p.eventSubTypeId,
    booked_by_id: p.bookedById,
    can_be_moved: flag(p.canBeMoved),
    date_event_start: p.dateEventStart,
    date_event_end: p.dateEventEnd,
    is_accomm_included: flag(p.isAccommIncluded),
    date_accom_start: p.dateAccomStart,
    date_accom_end: p.dateAccomEnd,
    accomm_cut_off_date: p.accommCutOffDate,
    accomm_cancellation_date: p.accommCancellationDate,
    accomm_charging_method: p.accommChargingMethod,
    accomm_guarantee_required: flag(p.accommGuaranteeRequired),
    accomm_external_block_id: p.accommExternalBlockId === undefined ? undefined : p.accommExternalBlockId?.trim() || null,
    accomm_reservation_method: p.accommReservationMethod,
    accomm_reservation_cancellation_date: p.accommReservationCancellationDate,
    accomm_arrival_method: p.accommArrivalMethod,
    is_confidential: flag(p.isConfidential),
    ota_folio_ref: p.otaFolioRef === undefined ? undefined : p.otaFolioRef?.trim() || null,
    discount_code: p.discountCode === undefined ? undefined : p.discountCode?.trim() || null,
  };
  for (const key of Object.keys(set) as Array<keyof typeof set>) if (set[key] === undefined) delete set[key];
  return set;
}

function requireOnAdd(p: BookingParams, venue: VenueRow): void {
  for (const [param, value] of [
    ['bookingType', p.bookingType],
    ['currentStatus', p.currentStatus],
    ['name', p.name],
    ['eventTypeId', p.eventTypeId],
    ['bookedById', p.bookedById],
    ['totalAttendees', p.totalAttendees],
  ] as const) {
    if (value === undefined) throw isRequired(param);
  }
  if (p.name!.trim() === '') throw invalid('name: Value is required and can\'t be empty');
  if (p.bookingType === 1 && venue.has_spaces !== 1) throw invalid('bookingType: The venue has no function space, so it takes no detailed bookings');
  if (p.bookingType === 4 && venue.has_accommodation !== 1) throw invalid('bookingType: The venue has no accommodation, so it takes no accommodation only bookings');
  if (p.bookingType === 1) {
    if (p.dateEventStart === undefined) throw isRequired('dateEventStart');
    if (p.dateEventEnd === undefined) throw isRequired('dateEventEnd');
  }
  const accommodation = p.bookingType === 4 || p.isAccommIncluded === true;
  if (accommodation && venue.has_accommodation === 1) {
    if (p.dateAccomStart === undefined) throw isRequired('dateAccomStart');
    if (p.dateAccomEnd === undefined) throw isRequired('dateAccomEnd');
  }
  // Event templates are booking packages, which Marquee's bookings do not hold yet.
  if (p.packageId !== undefined || p.packagePrice !== undefined) {
    throw invalid('packageId: Adding an event template to a new booking is not supported yet; add the booking without it');
  }
}

/** Values that are fine one by one but not together, on the booking as it would be saved. */
function checkTogether(merged: Updateable<BookingsTable>): void {
  const { date_event_start: es, date_event_end: ee, date_accom_start: as, date_accom_end: ae } = merged;
  if (typeof es === 'string' && typeof ee === 'string' && ee < es) throw invalid('dateEventEnd: End date has to be greater than the start date.');
  if (typeof as === 'string' && typeof ae === 'string' && ae < as) throw invalid('dateAccomEnd: End date has to be greater than the start date.');
}

async function checkReferences(ctx: ActionContext, p: BookingParams, venue: VenueRow, current: BookingRow | undefined): Promise<Updateable<BookingsTable>> {
  const set: Updateable<BookingsTable> = {};
  if (p.eventTypeId !== undefined || p.eventSubTypeId !== undefined) {
    const typeId = p.eventTypeId ?? current?.event_type_id ?? null;
    if (p.eventTypeId !== undefined) {
      const type = await ctx.store.selectFrom('venue_event_types').select('id').where('id', '=', p.eventTypeId).executeTakeFirst();
      if (!type) throw invalid(`eventTypeId: The event type ${p.eventTypeId} does not exist`);
    }
    const subtypes =
      typeId === null
        ? []
        : (await ctx.store.selectFrom('venue_event_sub_types').select('id').where('event_type_id', '=', typeId).execute()).map((r) => r.id);
    const typeChanged = p.eventTypeId !== undefined && p.eventTypeId !== current?.event_type_id;
    const subtypeId = p.eventSubTypeId !== undefined ? p.eventSubTypeId : typeChanged ? null : (current?.event_sub_type_id ?? null);
    if (subtypeId !== null && !subtypes.includes(subtypeId)) {
      throw invalid(`eventSubTypeId: ${subtypeId} is not a sub type of the event type ${typeId ?? '(none)'}`);
    }
    if (subtypeId === null && subtypes.length > 0) throw isRequired('eventSubTypeId');
    set.event_sub_type_id = subtypeId;
  }
  if (p.bookedById !== undefined && !(await userExists(ctx.store, p.bookedById))) throw invalid(`bookedById: The user ${p.bookedById} does not exist`);
  const roles: Array<number | null> = current ? (JSON.parse(current.role_user_ids) as Array<number | null>) : [null, null, null, null, null];
  let rolesNamed = false;
  for (const [i, param] of ROLE_PARAMS.entries()) {
    const value = p[param];
    if (value === undefined) continue;
    rolesNamed = true;
    if (value !== null && !(await userExists(ctx.store, value))) throw invalid(`${param}: The user ${value} does not exist`);
    roles[i] = value;
  }
  if (rolesNamed) set.role_user_ids = JSON.stringify(roles);
  if (p.industryId !== undefined && p.industryId !== null) {
    const industry = await ctx.store.selectFrom('industries').select('id').where('id', '=', p.industryId).executeTakeFirst();
    if (!industry) throw invalid(`industryId: The industry ${p.industryId} does not exist`);
  }
  if (p.code !== undefined) {
    const code = p.code.trim();
    if (code === '') throw invalid('code: Value must not be empty');
    // Two requests naming one new code must not both pass the check below (the unique index
    // would then answer the second with a 500): the lock holds until this write commits.
    await lockNaturalKey(ctx.store, `booking-code:${venue.id}:${code.toLowerCase()}`);
    const taken = await ctx.store
      .selectFrom('bookings')
      .select('id')
      .where('venue_id', '=', venue.id)
      .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
      .executeTakeFirst();
    if (taken && taken.id !== current?.id) throw invalid(`code: The code '${code}' is used by another booking of the venue`);
  }
  if (p.externalUrls !== undefined) {
    const merged = mergeExternalUrls(parseExternalUrls(current?.external_urls ?? null), p.externalUrls);
    if ('error' in merged) throw invalid(`externalUrls: ${merged.error}`);
    set.external_urls = serialiseExternalUrls(merged.urls);
  }
  return set;
}

/** A code for a booking added without one: its id's event-style code, unless the venue already uses that code. */
async function generatedCode(ctx: ActionContext, venueId: number, bookingId: number): Promise<string> {
  const code = eventCodeOf(bookingId);
  const taken = await ctx.store
    .selectFrom('bookings')
    .select('id')
    .where('venue_id', '=', venueId)
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
    .executeTakeFirst();
  return taken ? `${code}-${bookingId}` : code;
}

async function addBooking(ctx: ActionContext, p: BookingParams, venue: VenueRow): Promise<number> {
  requireOnAdd(p, venue);
  const set = { ...columns(p), ...(await checkReferences(ctx, p, venue, undefined)) };
  checkTogether(set);
  const opportunity = p.leadId === undefined ? undefined : await requireVenueOpportunity(ctx, BOOKING_CODES, p.leadId, venue.id);
  const status = p.currentStatus!;
  // A quote of an opportunity is for the opportunity's company and contact.
  const quoteOfOpportunity = opportunity !== undefined && isQuote(status);
  if (!quoteOfOpportunity) await checkParty(ctx, p);
  const party: Party = quoteOfOpportunity
    ? { companyId: opportunity.company_id, contactId: opportunity.contact_id }
    : await applyParty(ctx, p, { companyId: null, contactId: null });
  const name = p.name!.trim();
  const leadId = opportunity?.id ?? (await newBookingOpportunity(ctx, venue.id, name, party));
  const row = await ctx.store
    .insertInto('bookings', {
      ...set,
      venue_id: venue.id,
      lead_id: leadId,
      booking_type: p.bookingType!,
      current_status: status,
      code: set.code ?? provisionalEventCode(),
      name,
      company_id: party.companyId,
      contact_id: party.contactId,
      total_attendees: p.totalAttendees!,
      converted_to_tentative_at: status === STATUS.tentative ? ctx.now : null,
      converted_to_confirmed_at: status === STATUS.confirmed ? ctx.now : null,
      created_at: ctx.now,
      modified_at: ctx.now,
      last_modified_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (set.code === undefined) {
    await ctx.store.updateTable('bookings').set({ code: await generatedCode(ctx, venue.id, row.id) }).where('id', '=', row.id).execute();
  }
  await adoptBooking(ctx, leadId, row.id, opportunity === undefined);
  await recordBookingAdded(ctx, row.id, `Booking added (${isQuote(status) ? 'quote' : 'booking'})`);
  return row.id;
}

async function updateBooking(ctx: ActionContext, p: BookingParams, venue: VenueRow, current: BookingRow): Promise<number> {
  const own = columns(p);
  const refs = await checkReferences(ctx, p, venue, current);
  if (Object.keys(own).length === 0 && Object.keys(refs).length === 0 && !namesParty(p)) {
    throw invalid('Nothing to update: the request names no field of the booking that can change');
  }
  if (own.name !== undefined && own.name === '') throw invalid("name: Value is required and can't be empty");
  const set = { ...own, ...refs };
  checkTogether({ ...current, ...set });
  // A quote of an opportunity keeps the opportunity's company and contact: naming others has no effect.
  const keepsParty = isQuote(current.current_status);
  if (!keepsParty) await checkParty(ctx, p);
  await trackBookingChange(
    ctx,
    current.id,
    async () => {
      const party = keepsParty ? undefined : await applyParty(ctx, p, { companyId: current.company_id, contactId: current.contact_id });
      const columns = party ? { ...set, company_id: party.companyId, contact_id: party.contactId } : set;
      if (Object.keys(columns).length > 0) await ctx.store.updateTable('bookings').set(columns).where('id', '=', current.id).execute();
    },
    (changed) => `Booking updated: ${changed.join(', ')}`,
  );
  return current.id;
}

export const addOrUpdateBooking = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateBooking',
  kind: 'write',
  params: bookingParams,
  result: bookingUpsertResult,
  handler: (ctx, p) =>
    guardBookingWrite(ctx, BOOKING_CODES, async () => {
      const venue = await requireVenue(ctx.store, p.venueId);
      const current = p.id === undefined ? undefined : await requireBooking(ctx.store, p.id, venue.id);
      const id = current ? await updateBooking(ctx, p, venue, current) : await addBooking(ctx, p, venue);
      return { success: true as const, id };
    }),
});
