/**
 * How each entity kind maps onto a HubSpot object type: properties, value codecs and
 * associations. Association type ids are HubSpot's HUBSPOT_DEFINED ones (associations v4):
 * contact→company 279, deal→contact 3, deal→company 341, email→contact 198.
 */
import { canonicalValue } from '../../fingerprint.js';
import { amountText, dateText, instantText } from '../../ivvy/related.js';
import type { Canonical, FieldValue } from '../../types.js';
import type { Codec, Composite, ObjectSpec } from './objects.js';

export interface SpecOptions {
  contactIvvyIdProperty: string;
  companyIvvyIdProperty: string;
  groupsProperty: string;
  dealIvvyIdProperty: string;
  emailIvvyIdProperty: string;
  dealPipeline: string;
  /** Registration status → deal stage id. */
  dealStages: Readonly<Record<string, string>>;
  bookingIvvyIdProperty: string;
  /** Booking status (prospective … cancelled) → deal stage id, in `dealPipeline`. */
  bookingDealStages: Readonly<Record<string, string>>;
}

export const ASSOCIATION_TYPES = { contactToCompany: 279, dealToContact: 3, dealToCompany: 341, emailToContact: 198 } as const;

const text = (value: FieldValue): string => (value === null ? '' : typeof value === 'string' ? value : value.join(';'));

/** A datetime property (epoch ms or ISO text in HubSpot) ↔ canonical ISO instant. */
const instant: Codec = {
  write: (value) => (typeof value === 'string' ? value : ''),
  read: (raw) => (raw === null || raw === '' ? null : instantText(/^\d+$/.test(raw) ? Number(raw) : Date.parse(raw))),
};

/** A date carried by a datetime property (midnight UTC) ↔ canonical yyyy-mm-dd. */
const dateOnly: Codec = {
  write: (value) => (typeof value === 'string' ? `${value}T00:00:00.000Z` : ''),
  read: (raw) => (raw === null || raw === '' ? null : dateText(/^\d+$/.test(raw) ? Number(raw) : Date.parse(raw))),
};

const amount: Codec = { write: (value) => text(value), read: (raw) => amountText(raw) };

/** Canonical values ↔ the values HubSpot keeps (stage ids, email statuses). Unknown ones read as `<prefix><value>`. */
function lookup(table: Readonly<Record<string, string>>, prefix: string): Codec {
  const reverse = new Map(Object.entries(table).map(([k, v]) => [v, k]));
  return {
    write: (value) => (typeof value === 'string' ? (table[value] ?? value) : ''),
    read: (raw) => (raw === null || raw === '' ? null : (reverse.get(raw) ?? `${prefix}${raw}`)),
  };
}

/** An email's `from` and `to` in `hs_email_headers` (a JSON text HubSpot documents). */
const headers: Composite = {
  property: 'hs_email_headers',
  fields: ['from', 'to'],
  write(values: Canonical) {
    const address = (v: FieldValue | undefined) => (typeof v === 'string' ? v : null);
    const from = address(values.from);
    const to = address(values.to);
    return JSON.stringify({
      from: from ? { email: from } : {},
      to: to ? to.split(/\s*[,;]\s*/).filter(Boolean).map((email) => ({ email })) : [],
      cc: [],
      bcc: [],
    });
  },
  read(raw) {
    let parsed: { from?: { email?: string }; to?: Array<{ email?: string }> } = {};
    try {
      parsed = raw ? (JSON.parse(raw) as typeof parsed) : {};
    } catch {
      parsed = {};
    }
    return {
      from: canonicalValue('from', parsed.from?.email ?? null),
      to: canonicalValue('to', (parsed.to ?? []).map((t) => t.email ?? '').filter(Boolean).join(', ')),
    };
  },
};

export function contactSpec(o: SpecOptions): ObjectSpec {
  return {
    kind: 'contact',
    objectType: 'contacts',
    modifiedProperty: 'lastmodifieddate',
    properties: { firstName: 'firstname', lastName: 'lastname', email: 'email', phone: 'phone' },
    associations: [{ field: 'companies', toObjectType: 'companies', typeId: ASSOCIATION_TYPES.contactToCompany, many: true }],
    ivvyIdProperty: o.contactIvvyIdProperty,
    groupsProperty: o.groupsProperty,
  };
}

export function companySpec(o: SpecOptions): ObjectSpec {
  return {
    kind: 'company',
    objectType: 'companies',
    modifiedProperty: 'hs_lastmodifieddate',
    properties: {
      name: 'name',
      phone: 'phone',
      website: 'website',
      'address.line1': 'address',
      'address.line2': 'address2',
      'address.city': 'city',
      'address.state': 'state',
      'address.postalCode': 'zip',
      'address.country': 'country',
    },
    ivvyIdProperty: o.companyIvvyIdProperty,
    groupsProperty: null,
  };
}

/** Registrations as deals: name, amount, close date, stage, and the contact and company. */
export function dealSpec(o: SpecOptions): ObjectSpec {
  return {
    kind: 'opportunity',
    objectType: 'deals',
    modifiedProperty: 'hs_lastmodifieddate',
    properties: { name: 'dealname', amount: 'amount', date: 'closedate', status: 'dealstage' },
    codecs: { amount, date: dateOnly, status: lookup(o.dealStages, 'stage:') },
    associations: [
      { field: 'contact', toObjectType: 'contacts', typeId: ASSOCIATION_TYPES.dealToContact, many: false },
      { field: 'company', toObjectType: 'companies', typeId: ASSOCIATION_TYPES.dealToCompany, many: false },
    ],
    fixed: { pipeline: o.dealPipeline },
    ivvyIdProperty: o.dealIvvyIdProperty,
    groupsProperty: null,
  };
}

/**
 * Quotes and bookings as deals: the same deal properties as registrations, under their own
 * iVvy id property and with the stages of booking statuses (a confirmed booking is won, a
 * cancelled one lost).
 */
export function bookingDealSpec(o: SpecOptions): ObjectSpec {
  const deals = dealSpec(o);
  return {
    ...deals,
    kind: 'bookingOpportunity',
    codecs: { ...deals.codecs, status: lookup(o.bookingDealStages, 'stage:') },
    ivvyIdProperty: o.bookingIvvyIdProperty,
  };
}

/** Email log entries as email engagements, logged as sent from the CRM, on the contact's timeline. */
export function emailSpec(o: SpecOptions): ObjectSpec {
  return {
    kind: 'emailEngagement',
    objectType: 'emails',
    modifiedProperty: 'hs_lastmodifieddate',
    properties: { subject: 'hs_email_subject', html: 'hs_email_html', sentAt: 'hs_timestamp', status: 'hs_email_status' },
    codecs: { sentAt: instant, status: lookup({ sent: 'SENT', failed: 'FAILED' }, 'status:') },
    composites: [headers],
    associations: [{ field: 'contact', toObjectType: 'contacts', typeId: ASSOCIATION_TYPES.emailToContact, many: false }],
    fixed: { hs_email_direction: 'EMAIL' },
    ivvyIdProperty: o.emailIvvyIdProperty,
    groupsProperty: null,
  };
}
