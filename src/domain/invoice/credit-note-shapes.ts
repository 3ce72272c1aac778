/** Credit note rows -> get-credit-note-list.md / get-credit-note.md JSON, a batch at a time. */
import type { Selectable } from 'kysely';
import { formatTimestamp } from '../../protocol/timestamp.js';
import type { Scope } from '../../storage/scope.js';
import type { InvoiceRefTypeCode } from './codes.js';
import { toAmount } from './money.js';
import type { CreditNoteDetail, CreditNoteListItem } from './schemas.js';
import { addressOf, costCentersOut } from './shapes.js';
import type { CreditNotesTable } from './tables.js';

/** iVvy's credit note numbers look like CN10000129. */
export const creditNoteReference = (id: number): string => `CN${10_000_000 + id}`;

export type CreditNoteRow = Selectable<CreditNotesTable>;

/** Sums of allocations and refunds per credit note; a note with none has null, as the docs show. */
async function usage(store: Scope, ids: readonly number[]) {
  if (ids.length === 0) return { allocated: new Map<number, number>(), refunded: new Map<number, number>() };
  const [allocated, refunded] = await Promise.all([
    store
      .selectFrom('credit_note_allocations')
      .select((eb) => ['credit_note_id', eb.fn.sum<number>('amount_cents').as('sum')])
      .where('credit_note_id', 'in', [...ids])
      .groupBy('credit_note_id')
      .execute(),
    store
      .selectFrom('credit_note_refunds')
      .select((eb) => ['credit_note_id', eb.fn.sum<number>('amount_cents').as('sum')])
      .where('credit_note_id', 'in', [...ids])
      .groupBy('credit_note_id')
      .execute(),
  ]);
  return {
    allocated: new Map(allocated.map((r) => [r.credit_note_id, Number(r.sum)])),
    refunded: new Map(refunded.map((r) => [r.credit_note_id, Number(r.sum)])),
  };
}

function fields(row: CreditNoteRow, allocated: number | undefined, refunded: number | undefined): CreditNoteListItem {
  return {
    id: row.id,
    reference: creditNoteReference(row.id),
    title: row.title,
    notes: row.notes,
    currency: row.currency,
    totalAmount: toAmount(Number(row.total_cents)),
    totalTaxAmount: toAmount(Number(row.tax_cents)),
    amountAllocated: allocated === undefined ? null : toAmount(allocated),
    amountRefunded: refunded === undefined ? null : toAmount(refunded),
    createdDate: formatTimestamp(Number(row.created_at)),
    modifiedDate: formatTimestamp(Number(row.modified_at)),
    refType: row.ref_type as InvoiceRefTypeCode,
    refId: row.ref_id,
    eventId: row.event_id,
    venueId: row.venue_id,
    contactId: row.contact_id,
    companyId: row.company_id,
    invoiceId: row.invoice_id,
  };
}

export async function creditNoteListShapes(store: Scope, rows: readonly CreditNoteRow[]): Promise<CreditNoteListItem[]> {
  const { allocated, refunded } = await usage(store, rows.map((r) => r.id));
  return rows.map((r) => fields(r, allocated.get(r.id), refunded.get(r.id)));
}

/** The allocation and refund dates, shown as get-credit-note.md shows them (no UTC suffix). */
const plainTimestamp = (ms: number): string => formatTimestamp(ms, false);

export async function loadCreditNoteDetails(store: Scope, ids: readonly number[]): Promise<Map<number, CreditNoteDetail>> {
  const out = new Map<number, CreditNoteDetail>();
  if (ids.length === 0) return out;
  const rows = await store.selectFrom('credit_notes').selectAll('credit_notes').where('id', 'in', [...ids]).execute();
  if (rows.length === 0) return out;
  const found = rows.map((r) => r.id);
  const [{ allocated, refunded }, items, taxes, allocations, refunds] = await Promise.all([
    usage(store, found),
    store
      .selectFrom('credit_note_items')
      .selectAll('credit_note_items')
      .where('credit_note_id', 'in', found)
      .orderBy('credit_note_id')
      .orderBy('position')
      .execute(),
    store.selectFrom('credit_note_taxes').selectAll('credit_note_taxes').where('credit_note_id', 'in', found).orderBy('id').execute(),
    store
      .selectFrom('credit_note_allocations')
      .selectAll('credit_note_allocations')
      .where('credit_note_id', 'in', found)
      .orderBy('id')
      .execute(),
    store
      .selectFrom('credit_note_refunds')
      .innerJoin('refunds', 'refunds.id', 'credit_note_refunds.refund_id')
      .select([
        'credit_note_refunds.credit_note_id',
        'credit_note_refunds.refund_id',
        'credit_note_refunds.amount_cents',
        'credit_note_refunds.notes',
        'refunds.refund_at',
      ])
      .where('credit_note_refunds.credit_note_id', 'in', found)
      .orderBy('credit_note_refunds.id')
      .execute(),
  ]);
  for (const row of rows) {
    const noteTaxes = taxes.filter((t) => t.credit_note_id === row.id);
    const taxOf = (t: (typeof taxes)[number]) => ({
      taxId: t.tax_id,
      amount: toAmount(Number(t.amount_cents)),
      taxRateId: t.tax_rate_id,
      taxRateAmount: Number(t.tax_rate_amount),
      taxRateAmountType: t.tax_rate_amount_type,
      costcenterId: t.costcenter_id,
    });
    // The note's taxes: one entry per tax, summed over the items.
    const byTax = new Map<number, ReturnType<typeof taxOf> & { cents: number }>();
    for (const t of noteTaxes) {
      const seen = byTax.get(t.tax_id);
      if (seen) seen.cents += Number(t.amount_cents);
      else byTax.set(t.tax_id, { ...taxOf(t), cents: Number(t.amount_cents) });
    }
    out.set(row.id, {
      ...fields(row, allocated.get(row.id), refunded.get(row.id)),
      address: addressOf(row),
      taxes: [...byTax.values()].map(({ cents, ...t }) => ({ ...t, amount: toAmount(cents) })),
      items: items
        .filter((i) => i.credit_note_id === row.id)
        .map((i) => ({
          id: i.id,
          description: i.description,
          quantity: Number(i.quantity),
          unitCost: toAmount(Number(i.unit_cost_cents)),
          totalCost: toAmount(Number(i.total_cents)),
          totalTaxCost: toAmount(Number(i.tax_cents)),
          amountPaid: null,
          refType: i.ref_type,
          costCenters: costCentersOut(i.cost_centers),
          taxes: noteTaxes.filter((t) => t.item_id === i.id).map(taxOf),
        })),
      allocations: allocations
        .filter((a) => a.credit_note_id === row.id)
        .map((a) => ({
          invoiceId: a.invoice_id,
          creditDate: plainTimestamp(Number(a.credit_at)),
          amountAllocated: toAmount(Number(a.amount_cents)),
          notes: a.notes,
        })),
      refunds: refunds
        .filter((r) => r.credit_note_id === row.id)
        .map((r) => ({
          refundId: r.refund_id,
          refundDate: plainTimestamp(Number(r.refund_at)),
          amountRefunded: toAmount(Number(r.amount_cents)),
          notes: r.notes,
        })),
    });
  }
  return out;
}
