/**
 * Venue guests (add-or-update-booking-room-reservation.md, Guest; room-reservation-contact-update.md).
 * A guest is a contact of the contact namespace (its guestContactId) with the venue's own
 * details of them (primaryPhone, address). A request names a guest by `id`, or by its contact's
 * first name, last name and email, compared without regard to case: the venue's guest with those
 * details, else a new guest on the account's contact with them (made when there is none, through
 * addOrUpdateContact's own rules, so ContactAdded is recorded as for any contact).
 *
 * The first appearance of a guest in a request is the one applied. An anonymised guest is never
 * matched by its details, cannot be newly placed on a reservation by id, and changes to one that
 * is already there are ignored.
 */
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { ActionContext } from '../../../registry/context.js';
import { email, id, string, text } from '../../../registry/params.js';
import { lockNaturalKey } from '../../../storage/natural-key-lock.js';
import type { Scope } from '../../../storage/scope.js';
import { upsertContact } from '../../contact/contacts/upsert.js';
import { requiredParam, reservationInvalid } from './errors.js';
import type { GuestItem } from './schemas.js';
import type { VenueGuestsTable } from './tables.js';

export type GuestRow = Selectable<VenueGuestsTable>;

export const guestContactParam = z.object({
  firstName: text(100),
  lastName: text(100),
  email: email(),
  phone: string(50).nullable().optional(),
});

const ADDRESS_FIELDS = ['line1', 'line2', 'line3', 'line4', 'city', 'postalCode', 'countryCode', 'stateCode', 'stateName'] as const;

const addressParam = z.object(Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, string(255).nullable().optional()])) as Record<(typeof ADDRESS_FIELDS)[number], z.ZodOptional<z.ZodNullable<ReturnType<typeof string>>>>);

export const guestParam = z.object({
  id: id().optional(),
  guestContact: guestContactParam.optional(),
  primaryPhone: string(50).nullable().optional(),
  address: addressParam.nullable().optional(),
});
export type GuestInput = z.output<typeof guestParam>;

const identityKey = (c: { firstName: string; lastName: string; email: string }) => [c.firstName, c.lastName, c.email].map((v) => v.trim().toLowerCase()).join('\n');

function addressJson(address: GuestInput['address']): string | null {
  if (!address) return null;
  return JSON.stringify(Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, address[f]?.trim() ?? ''])));
}

/** Resolves the guests of one request, each once. */
export class GuestResolver {
  private readonly seen = new Map<string, GuestRow>();
  private readonly anonymised = new Set<number>();

  constructor(
    private readonly ctx: ActionContext,
    private readonly venueId: number,
  ) {}

  /** Whether a guest resolved by this request is anonymised. */
  isAnonymised(guestId: number): boolean {
    return this.anonymised.has(guestId);
  }

  /** The venue's guest `id`, or a 400 naming `param`. */
  async byId(guestId: number, param: string): Promise<GuestRow> {
    const cached = this.seen.get(`id:${guestId}`);
    if (cached) return cached;
    const row = await this.ctx.store.selectFrom('venue_guests').selectAll().where('id', '=', guestId).where('venue_id', '=', this.venueId).executeTakeFirst();
    if (!row) throw reservationInvalid(`${param}: The guest ${guestId} does not exist`);
    const contact = await this.ctx.store.selectFrom('contacts').select('is_anonymised').where('id', '=', row.contact_id).executeTakeFirstOrThrow();
    if (contact.is_anonymised === 1) this.anonymised.add(row.id);
    return row;
  }

  /**
   * The guest a Guest object names, its details applied on its first appearance. `placing` says
   * the guest is being newly put on the reservation (an anonymised one cannot be).
   */
  async resolve(input: GuestInput, param: string, placing: boolean): Promise<GuestRow> {
    if (input.id !== undefined) {
      const first = !this.seen.has(`id:${input.id}`);
      const row = await this.byId(input.id, `${param}.id`);
      if (this.anonymised.has(row.id)) {
        if (placing) throw reservationInvalid(`${param}.id: The guest ${row.id} is anonymised and cannot be added to a reservation; send the guest's contact details instead`);
        return row;
      }
      this.seen.set(`id:${row.id}`, row);
      return first ? this.apply(row, input) : row;
    }
    if (!input.guestContact) throw reservationInvalid(requiredParam(`${param}.guestContact`));
    const key = `identity:${identityKey(input.guestContact)}`;
    const cached = this.seen.get(key);
    if (cached) return cached;
    const c = input.guestContact;
    await lockNaturalKey(this.ctx.store, `venue-guest:${this.venueId}:${identityKey(c)}`);
    const found = await this.ctx.store
      .selectFrom('venue_guests')
      .innerJoin('contacts', 'contacts.id', 'venue_guests.contact_id')
      .selectAll('venue_guests')
      .where('venue_guests.venue_id', '=', this.venueId)
      .where('contacts.is_anonymised', '=', 0)
      .where(sql`lower(contacts.email)`, '=', sql`lower(${c.email.trim()})`)
      .where(sql`lower(contacts.first_name)`, '=', sql`lower(${c.firstName.trim()})`)
      .where(sql`lower(contacts.last_name)`, '=', sql`lower(${c.lastName.trim()})`)
      .orderBy('venue_guests.id')
      .executeTakeFirst();
    const row = found ? await this.apply(found, input) : await this.create(input);
    this.seen.set(key, row);
    this.seen.set(`id:${row.id}`, row);
    return row;
  }

  private async apply(row: GuestRow, input: GuestInput): Promise<GuestRow> {
    const c = input.guestContact;
    if (c) {
      await upsertContact(this.ctx, { id: row.contact_id, firstName: c.firstName, lastName: c.lastName, email: c.email, ...(c.phone !== undefined ? { phone: c.phone } : {}) });
    }
    const set = {
      ...(input.primaryPhone !== undefined ? { primary_phone: input.primaryPhone?.trim() || null } : {}),
      ...(input.address !== undefined ? { address: addressJson(input.address) } : {}),
    };
    const changed = Object.entries(set).some(([k, v]) => row[k as keyof GuestRow] !== v);
    if (!changed && !c) return row;
    const next = { ...row, ...set, modified_at: this.ctx.now };
    await this.ctx.store.updateTable('venue_guests').set({ ...set, modified_at: this.ctx.now }).where('id', '=', row.id).execute();
    return next;
  }

  private async create(input: GuestInput): Promise<GuestRow> {
    const c = input.guestContact!;
    const contact = await upsertContact(this.ctx, { firstName: c.firstName, lastName: c.lastName, email: c.email, ...(c.phone !== undefined ? { phone: c.phone } : {}), updateIfExists: true });
    const values = {
      venue_id: this.venueId,
      contact_id: contact.id,
      primary_phone: input.primaryPhone?.trim() || null,
      address: addressJson(input.address),
      created_at: this.ctx.now,
      modified_at: this.ctx.now,
    };
    const { id: guestId } = await this.ctx.store.insertInto('venue_guests', values).returning('id').executeTakeFirstOrThrow();
    return { ...values, id: guestId, account_id: this.ctx.store.accountId };
  }
}

/** Guests as the reservation list shows them; an anonymised guest's personal details are empty. */
export async function guestItems(store: Scope, guestIds: readonly number[]): Promise<Map<number, GuestItem>> {
  const ids = [...new Set(guestIds)];
  if (ids.length === 0) return new Map();
  const rows = await store
    .selectFrom('venue_guests')
    .innerJoin('contacts', 'contacts.id', 'venue_guests.contact_id')
    .select([
      'venue_guests.id',
      'venue_guests.primary_phone',
      'venue_guests.address',
      'venue_guests.created_at',
      'venue_guests.modified_at',
      'contacts.id as contact_id',
      'contacts.first_name',
      'contacts.last_name',
      'contacts.email',
      'contacts.phone',
      'contacts.is_anonymised',
      'contacts.created_at as contact_created_at',
      'contacts.modified_at as contact_modified_at',
    ])
    .where('venue_guests.id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => {
      const hidden = r.is_anonymised === 1;
      const item: GuestItem = {
        id: r.id,
        guestContact: {
          id: r.contact_id,
          firstName: hidden ? '' : r.first_name,
          lastName: hidden ? '' : r.last_name,
          email: hidden ? '' : r.email,
          phone: hidden ? '' : (r.phone ?? ''),
          createdDate: formatTimestamp(r.contact_created_at),
          modifiedDate: formatTimestamp(r.contact_modified_at),
        },
        primaryPhone: hidden ? '' : (r.primary_phone ?? ''),
        address: hidden || r.address === null ? null : (JSON.parse(r.address) as GuestItem['address']),
        isAnonymised: hidden,
        createdDate: formatTimestamp(r.created_at),
        modifiedDate: formatTimestamp(r.modified_at),
      };
      return [r.id, item];
    }),
  );
}
