/**
 * Registration rows -> the documented JSON. Invoice totals come from the invoice rows raised
 * for the registrations (refType 1), one grouped query for a whole page.
 */
import type { Selectable } from 'kysely';
import { formatOptionalTimestamp, formatTimestamp } from '../../../protocol/timestamp.js';
import type { Scope } from '../../../storage/scope.js';
import { InvoiceRefType, InvoiceStatus } from '../../invoice/store.js';
import type { RegistrationStatusCode } from '../codes.js';
import { privacyConsentOf } from '../consent.js';
import type { EventRegistrationsTable } from '../tables.js';
import type { RegistrationDetail, RegistrationListItem } from './schemas.js';

export type RegistrationRow = Selectable<EventRegistrationsTable> & { event_title: string };

/** The scoped registrations with their event, before selection. */
export function registrationsFrom(store: Scope) {
  return store.selectFrom('event_registrations').innerJoin('events', 'events.id', 'event_registrations.event_id');
}

export function selectRegistrationRow(qb: ReturnType<typeof registrationsFrom>) {
  return qb.selectAll('event_registrations').select('events.title as event_title');
}

export async function loadRegistrationRows(store: Scope, ids: readonly number[]): Promise<RegistrationRow[]> {
  if (ids.length === 0) return [];
  return selectRegistrationRow(registrationsFrom(store))
    .where('event_registrations.id', 'in', [...new Set(ids)])
    .orderBy('event_registrations.id')
    .execute();
}

export interface InvoiceTotals {
  totalCents: number;
  paidCents: number;
}

/** Totals of each registration's invoices; cancelled invoices are not owed and do not count. */
export async function loadInvoiceTotals(store: Scope, registrationIds: readonly number[]): Promise<Map<number, InvoiceTotals>> {
  if (registrationIds.length === 0) return new Map();
  const rows = await store
    .selectFrom('invoices')
    .select((eb) => [
      'invoices.ref_id',
      eb.fn.sum<number>('invoices.total_cents').as('total'),
      eb.fn.sum<number>('invoices.amount_paid_cents').as('paid'),
    ])
    .where('invoices.ref_type', '=', InvoiceRefType.eventRegistration)
    .where('invoices.ref_id', 'in', [...new Set(registrationIds)])
    .where('invoices.status', '<>', InvoiceStatus.cancelled)
    .groupBy('invoices.ref_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.ref_id), { totalCents: Number(r.total ?? 0), paidCents: Number(r.paid ?? 0) }]));
}

const amount = (cents: number | undefined): number => Math.round(cents ?? 0) / 100;

export function registrationDetailOf(row: RegistrationRow, totals: Map<number, InvoiceTotals>): RegistrationDetail {
  const t = totals.get(row.id);
  return {
    id: row.id,
    currentStatus: row.status as RegistrationStatusCode,
    isExhibitor: row.is_exhibitor === 1,
    completedDate: formatOptionalTimestamp(row.completed_at === null ? null : Number(row.completed_at)),
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone,
    privacyConsentData: privacyConsentOf(row),
    modifiedDate: formatTimestamp(Number(row.modified_at)),
    mainContactId: row.contact_id,
    invoiceTotalCost: amount(t?.totalCents),
    invoiceTotalPaid: amount(t?.paidCents),
    createdDate: formatTimestamp(Number(row.created_at)),
  };
}

export function registrationListItemOf(row: RegistrationRow, totals: Map<number, InvoiceTotals>): RegistrationListItem {
  const d = registrationDetailOf(row, totals);
  return {
    id: d.id,
    eventName: row.event_title,
    currentStatus: d.currentStatus,
    isExhibitor: d.isExhibitor,
    completedDate: d.completedDate,
    mainContactId: d.mainContactId,
    firstName: d.firstName,
    lastName: d.lastName,
    phone: d.phone,
    privacyConsentData: d.privacyConsentData,
    invoiceTotalCost: d.invoiceTotalCost,
    invoiceTotalPaid: d.invoiceTotalPaid,
    createdDate: d.createdDate,
    modifiedDate: d.modifiedDate,
  };
}

/** getRegistration's shape for each of `ids` in the account. */
export async function loadRegistrationDetails(store: Scope, ids: readonly number[]): Promise<Map<number, RegistrationDetail>> {
  const rows = await loadRegistrationRows(store, ids);
  const totals = await loadInvoiceTotals(
    store,
    rows.map((r) => r.id),
  );
  return new Map(rows.map((r) => [r.id, registrationDetailOf(r, totals)]));
}
