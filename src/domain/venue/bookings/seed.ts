/**
 * Seed data of the venue bookings area: at every seeded venue, quotes and bookings in every
 * status the lifecycle reaches (Prospective, Prospective Hold, Tentative, Confirmed,
 * Cancelled), each on its own opportunity at a stage that fits it (open stages for quotes, Won
 * for bookings, Lost for cancellations), for the account's contacts and companies, with the
 * changelog their history would have left; then what they hold (seed-parts.ts: sessions,
 * menus, resources, a payment, a document and a BEO). The venue namespace is seeded before the crm one,
 * so the crm's reference lists are made here first (the crm seeder then finds them). Choices
 * come from ctx.faker; no outbox rows (seed data is a starting state).
 */
import type { Faker } from '@faker-js/faker';
import { eventCodeOf } from '../../event/tokens.js';
import { referenceData, type Refs } from '../../crm/seed/seed.js';
import type { Scope } from '../../../storage/scope.js';
import type { SeededVenue, VenueSeedContext } from '../seed/types.js';
import { CHANGELOG_REF } from './changelog.js';
import { seedBookingParts } from './seed-parts.js';
import { STATUS, STATUS_NAMES, type BookingStatus } from './status.js';

const DAY = 86_400_000;
const LIFECYCLE: readonly BookingStatus[] = [STATUS.prospective, STATUS.prospectiveHold, STATUS.tentative, STATUS.confirmed, STATUS.cancelled];
const NAMES = ['Annual Conference', 'Board Retreat', 'Product Launch', 'Awards Dinner', 'Sales Kickoff', 'Wedding Reception', 'Training Day', 'Gala Dinner'];

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface People {
  contacts: Array<{ id: number; name: string }>;
  companyContacts: Array<{ contactId: number; companyId: number; name: string }>;
}

async function people(tx: Scope): Promise<People> {
  const contacts = await tx.selectFrom('contacts').select(['id', 'last_name']).orderBy('id', 'desc').limit(200).execute();
  const links = await tx
    .selectFrom('company_contacts')
    .innerJoin('companies', 'companies.id', 'company_contacts.company_id')
    .select(['company_contacts.contact_id', 'company_contacts.company_id', 'companies.business_name'])
    .orderBy('company_contacts.contact_id')
    .limit(200)
    .execute();
  return {
    contacts: contacts.map((c) => ({ id: c.id, name: c.last_name })),
    companyContacts: links.map((l) => ({ contactId: l.contact_id, companyId: l.company_id, name: l.business_name })),
  };
}

interface Stages {
  open: Refs['opportunityStages'];
  won: Refs['opportunityStages'][number] | undefined;
  lost: Refs['opportunityStages'][number] | undefined;
}

async function seedVenueBookings(
  tx: Scope,
  faker: Faker,
  now: number,
  venue: SeededVenue & { hasSpaces: boolean },
  refs: Refs,
  stages: Stages,
  folks: People,
  eventTypes: Array<{ id: number; subtypes: number[] }>,
): Promise<{ bookings: number; changelog: number }> {
  let bookings = 0;
  let changelog = 0;
  for (const status of LIFECYCLE) {
    for (let n = 0; n < 2; n++) {
      const useCompany = folks.companyContacts.length > 0 && faker.datatype.boolean({ probability: 0.4 });
      const party = useCompany ? faker.helpers.arrayElement(folks.companyContacts) : undefined;
      const contact = party ? { id: party.contactId, name: party.name } : folks.contacts.length > 0 ? faker.helpers.arrayElement(folks.contacts) : undefined;
      // A booking is for someone: an account without contacts gets no seeded bookings.
      if (!contact) continue;
      const createdAt = now - faker.number.int({ min: 20, max: 200 }) * DAY;
      const start = now + faker.number.int({ min: -30, max: 300 }) * DAY;
      const days = faker.number.int({ min: 0, max: 2 });
      const name = `${contact.name} ${faker.helpers.arrayElement(NAMES)}`;
      const booked = status === STATUS.tentative || status === STATUS.confirmed;
      const stage = status === STATUS.cancelled ? stages.lost : booked ? stages.won : faker.helpers.arrayElement(stages.open);
      const reasonId = stage && stage.reasons.length > 0 && (booked || status === STATUS.cancelled) ? faker.helpers.arrayElement(stage.reasons) : null;
      const closedAt = booked || status === STATUS.cancelled ? createdAt + faker.number.int({ min: 2, max: 15 }) * DAY : null;
      const userId = refs.userIds.length > 0 ? faker.helpers.arrayElement(refs.userIds) : null;
      const modifiedAt = closedAt ?? createdAt;
      const type = refs.types.length > 0 ? faker.helpers.arrayElement(refs.types) : undefined;
      const lead = await tx
        .insertInto('crm_leads', {
          venue_id: venue.id,
          name,
          description: null,
          owner_user_id: userId,
          contact_id: contact.id,
          company_id: party?.companyId ?? null,
          industry_id: null,
          current_booking_id: null,
          quality_id: refs.qualityIds.length > 0 ? faker.helpers.arrayElement(refs.qualityIds) : null,
          stage_id: stage?.id ?? null,
          stage_reason_id: reasonId,
          admin_status_changed_at: modifiedAt,
          type_id: type?.id ?? null,
          subtype_id: type && type.subtypes.length > 0 ? faker.helpers.arrayElement(type.subtypes) : null,
          source_id: refs.sourceIds.length > 0 ? faker.helpers.arrayElement(refs.sourceIds) : null,
          channel_id: null,
          closed_at: closedAt,
          lost_to_competition: null,
          external_urls: null,
          created_at: createdAt,
          modified_at: modifiedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const eventType = eventTypes.length > 0 ? faker.helpers.arrayElement(eventTypes) : undefined;
      const wasTentative = status === STATUS.tentative || (status === STATUS.confirmed && faker.datatype.boolean()) || (status === STATUS.cancelled && n === 1);
      const row = await tx
        .insertInto('bookings', {
          venue_id: venue.id,
          lead_id: lead.id,
          booking_type: venue.hasSpaces ? 1 : 4,
          current_status: status,
          code: `seed-${lead.id}`,
          name,
          event_type_id: eventType?.id ?? null,
          event_sub_type_id: eventType && eventType.subtypes.length > 0 ? faker.helpers.arrayElement(eventType.subtypes) : null,
          company_id: party?.companyId ?? null,
          contact_id: contact.id,
          industry_id: null,
          purchase_order_number: booked && faker.datatype.boolean() ? `PO-${faker.string.numeric(6)}` : null,
          booked_by_id: userId,
          can_be_moved: faker.datatype.boolean({ probability: 0.2 }) ? 1 : 0,
          date_event_start: venue.hasSpaces ? isoDate(start) : null,
          date_event_end: venue.hasSpaces ? isoDate(start + days * DAY) : null,
          total_attendees: faker.number.int({ min: 10, max: 400 }),
          is_accomm_included: venue.hasSpaces ? 0 : 1,
          date_accom_start: venue.hasSpaces ? null : isoDate(start),
          date_accom_end: venue.hasSpaces ? null : isoDate(start + (days + 1) * DAY),
          role_user_ids: JSON.stringify([null, null, null, null, null]),
          converted_to_tentative_at: wasTentative && closedAt !== null ? closedAt : null,
          converted_to_confirmed_at: status === STATUS.confirmed && closedAt !== null ? closedAt : null,
          converted_to_cancelled_at: status === STATUS.cancelled ? modifiedAt : null,
          cancelled_on: status === STATUS.cancelled ? isoDate(modifiedAt) : null,
          cancel_reason_id: status === STATUS.cancelled ? reasonId : null,
          created_at: createdAt,
          modified_at: modifiedAt,
          last_modified_at: modifiedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.updateTable('bookings').set({ code: eventCodeOf(row.id) }).where('id', '=', row.id).execute();
      await tx.updateTable('crm_leads').set({ current_booking_id: row.id }).where('id', '=', lead.id).execute();
      const log = (at: number, note: string) => ({
        venue_id: venue.id,
        booking_id: row.id,
        beo_id: null,
        session_id: null,
        recorded_by_user_id: userId,
        ref_type: CHANGELOG_REF.booking,
        ref_id: row.id,
        note_text: note,
        created_at: at,
        modified_at: at,
      });
      const entries = [log(createdAt, 'Booking added (quote)')];
      if (wasTentative && closedAt !== null) entries.push(log(closedAt, 'Status changed from Prospective to Tentative'));
      if (status === STATUS.confirmed && closedAt !== null) {
        entries.push(log(closedAt, `Status changed from ${wasTentative ? 'Tentative' : 'Prospective'} to Confirmed`));
      }
      if (status === STATUS.prospectiveHold) entries.push(log(createdAt, 'Status changed from Prospective to Prospective Hold'));
      if (status === STATUS.cancelled) entries.push(log(modifiedAt, `Status changed from ${wasTentative ? 'Tentative' : 'Prospective'} to ${STATUS_NAMES[4]}`));
      await tx.insertInto('booking_changelog', entries).execute();
      bookings += 1;
      changelog += entries.length;
    }
  }
  return { bookings, changelog };
}

export async function seedBookings(ctx: VenueSeedContext): Promise<Record<string, number>> {
  const { faker, now } = ctx;
  return ctx.store.transaction(async (tx) => {
    const { refs, counts } = await referenceData(tx, now);
    const stageNames = new Map((await tx.selectFrom('crm_lead_stages').select(['id', 'name']).execute()).map((s) => [s.id, s.name]));
    const stages: Stages = {
      open: refs.opportunityStages.filter((s) => s.closes === undefined),
      won: refs.opportunityStages.find((s) => s.closes === 'won' && stageNames.get(s.id) === 'Won'),
      lost: refs.opportunityStages.find((s) => s.closes === 'lost' && stageNames.get(s.id) === 'Lost'),
    };
    const folks = await people(tx);
    const types = await tx.selectFrom('venue_event_types').select('id').orderBy('id').execute();
    const subtypes = await tx.selectFrom('venue_event_sub_types').select(['id', 'event_type_id']).orderBy('id').execute();
    const eventTypes = types.map((t) => ({ id: t.id, subtypes: subtypes.filter((s) => s.event_type_id === t.id).map((s) => s.id) }));
    const flags = new Map((await tx.selectFrom('venues').select(['id', 'has_spaces']).execute()).map((v) => [v.id, v.has_spaces === 1]));
    let bookings = 0;
    let changelog = 0;
    for (const venue of ctx.venues) {
      const out = await seedVenueBookings(tx, faker, now, { ...venue, hasSpaces: flags.get(venue.id) ?? true }, refs, stages, folks, eventTypes);
      bookings += out.bookings;
      changelog += out.changelog;
    }
    const parts = await seedBookingParts(ctx, tx, ctx.venues.map((v) => v.id));
    return { ...counts, bookings, bookingOpportunities: bookings, bookingChangelog: changelog, ...parts };
  });
}
