/**
 * Storage of invoices, their payments and refunds, and credit notes (invoice/*.md).
 *
 * An invoice is a document: who it was issued to (name, email, address) is copied onto it
 * when it is issued, so later edits to the contact or company do not rewrite issued invoices.
 * Money is an integer number of cents (hundredths of the invoice currency); the API divides by
 * 100 at the edge. Instants are epoch ms, service dates `yyyy-mm-dd` text.
 */
import type { Generated } from 'kysely';

export interface InvoicesTable {
  id: Generated<number>;
  account_id: number;
  /** Unguessable token of the invoice's public HTML and PDF URLs. */
  token: string;
  title: string;
  description: string | null;
  /** ISO 4217 code, upper case. */
  currency: string;
  /** Everything the invoice charges, taxes included (items plus excluded taxes plus fees). */
  total_cents: number;
  tax_cents: number;
  amount_paid_cents: number;
  /** Sum of refunds applied to this invoice. */
  amount_refunded_cents: number;
  /** get-invoice-list.md, Current status: 0 not paid … 5 refunded (status.ts). */
  status: number;
  /** get-invoice-list.md, Reference type: 0 custom, 1 event registration, … 4 venue booking. */
  ref_type: number;
  ref_id: number | null;
  event_id: number | null;
  venue_id: number | null;
  booking_id: number | null;
  booking_code: string | null;
  purchase_order_reference: string | null;
  contact_id: number | null;
  company_id: number | null;
  to_name: string | null;
  to_email: string | null;
  to_line1: string | null;
  to_line2: string | null;
  to_line3: string | null;
  to_line4: string | null;
  to_city: string | null;
  to_state_code: string | null;
  to_state_name: string | null;
  to_country_code: string | null;
  to_postal_code: string | null;
  /** Percentage, when the invoice was taxed at a single rate. */
  tax_rate_used: number | null;
  is_tax_charged: number;
  issued_at: number;
  due_at: number;
  created_at: number;
  modified_at: number;
}

/** A line of an invoice. `total_cents` includes the item's own taxes (`tax_cents`). */
export interface InvoiceItemsTable {
  id: Generated<number>;
  account_id: number;
  invoice_id: number;
  position: number;
  description: string;
  quantity: number;
  /** get-invoice.md, Item Quantity unit: 1 = number. */
  quantity_unit: number;
  unit_cost_cents: number;
  unit_cost_ex_tax_cents: number;
  total_cents: number;
  tax_cents: number;
  /** get-invoice.md, Item Ref Type (0, 100–103, 500–513). */
  ref_type: number;
  ref_id: number | null;
  ref2_id: number | null;
  service_start: string | null;
  service_end: string | null;
  /** JSON array of {costcenterId, totalCents, taxCents}: the item's revenue split by cost center. */
  cost_centers: string;
  /** JSON array of the item's discounts and surcharges (get-invoice.md, Item Adjustments), amounts in cents. */
  adjustments: string;
}

/**
 * A tax on an invoice: on one item (`item_id`), or, with `item_id` null, a tax excluded from
 * the items and added on top of them (getInvoice's venueExTaxes).
 */
export interface InvoiceTaxesTable {
  id: Generated<number>;
  account_id: number;
  invoice_id: number;
  item_id: number | null;
  tax_id: number;
  tax_name: string;
  amount_cents: number;
  tax_rate_id: number;
  tax_rate_amount: number;
  /** 1 = a percentage, 2 = an amount. */
  tax_rate_amount_type: number;
  costcenter_id: number;
}

export interface InvoicePaymentsTable {
  id: Generated<number>;
  account_id: number;
  invoice_id: number;
  /** The card gateway's transaction id; 0 for payments recorded by hand or through the API. */
  gateway_payment_id: number;
  receipt_num: string | null;
  amount_cents: number;
  fee_percentage: number | null;
  fee_cents: number | null;
  /** JSON array of the tax ids the fee was not taxed with. */
  fee_excluded_tax_ids: string;
  notes: string;
  /** add-payment.md, paymentMethod (0–13). */
  payment_method: number;
  custom_payment_method_id: number | null;
  /** add-payment.md, cardType (0–4), for card payments. */
  card_type: number | null;
  cheque_number: string | null;
  cheque_drawer_name: string | null;
  cheque_bank_branch: string | null;
  eft_transfer_at: number | null;
  eft_payment_reference: string | null;
  paid_at: number;
  reconciled_at: number | null;
  created_at: number;
}

/** Money given back: to the payer of an invoice, or out of a credit note. */
export interface RefundsTable {
  id: Generated<number>;
  account_id: number;
  refund_at: number;
  amount_cents: number;
  notes: string | null;
  refund_method_id: number | null;
  created_at: number;
  modified_at: number;
}

/** The part of a refund that refunds one invoice (getInvoice's refunds). */
export interface InvoiceRefundsTable {
  id: Generated<number>;
  account_id: number;
  invoice_id: number;
  refund_id: number;
  amount_cents: number;
  notes: string | null;
  created_at: number;
  modified_at: number;
}

/** The account's own payment methods (add-payment.md, customPaymentMethodId; get-options.md). */
export interface CustomPaymentMethodsTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  is_active: number;
  created_at: number;
}

export interface CreditNotesTable {
  id: Generated<number>;
  account_id: number;
  title: string;
  notes: string | null;
  currency: string;
  total_cents: number;
  tax_cents: number;
  ref_type: number;
  ref_id: number | null;
  event_id: number | null;
  venue_id: number | null;
  contact_id: number | null;
  company_id: number | null;
  /** The invoice the credit note was raised from, if any. */
  invoice_id: number | null;
  to_line1: string | null;
  to_line2: string | null;
  to_line3: string | null;
  to_line4: string | null;
  to_city: string | null;
  to_state_code: string | null;
  to_state_name: string | null;
  to_country_code: string | null;
  to_postal_code: string | null;
  created_at: number;
  modified_at: number;
}

export interface CreditNoteItemsTable {
  id: Generated<number>;
  account_id: number;
  credit_note_id: number;
  position: number;
  description: string;
  quantity: number;
  unit_cost_cents: number;
  total_cents: number;
  tax_cents: number;
  ref_type: number;
  cost_centers: string;
}

export interface CreditNoteTaxesTable {
  id: Generated<number>;
  account_id: number;
  credit_note_id: number;
  item_id: number;
  tax_id: number;
  amount_cents: number;
  tax_rate_id: number;
  tax_rate_amount: number;
  tax_rate_amount_type: number;
  costcenter_id: number;
}

/** Credit applied to an invoice (it is also a payment on that invoice). */
export interface CreditNoteAllocationsTable {
  id: Generated<number>;
  account_id: number;
  credit_note_id: number;
  invoice_id: number;
  /** The invoice payment this allocation created. */
  payment_id: number;
  amount_cents: number;
  credit_at: number;
  notes: string | null;
}

/** The part of a refund paid out of a credit note. */
export interface CreditNoteRefundsTable {
  id: Generated<number>;
  account_id: number;
  credit_note_id: number;
  refund_id: number;
  amount_cents: number;
  notes: string | null;
}

declare module '../../storage/schema.js' {
  interface Database {
    invoices: InvoicesTable;
    invoice_items: InvoiceItemsTable;
    invoice_taxes: InvoiceTaxesTable;
    invoice_payments: InvoicePaymentsTable;
    refunds: RefundsTable;
    invoice_refunds: InvoiceRefundsTable;
    custom_payment_methods: CustomPaymentMethodsTable;
    credit_notes: CreditNotesTable;
    credit_note_items: CreditNoteItemsTable;
    credit_note_taxes: CreditNoteTaxesTable;
    credit_note_allocations: CreditNoteAllocationsTable;
    credit_note_refunds: CreditNoteRefundsTable;
  }
}
