import type { ColumnDefinitionBuilder } from 'kysely';
import type { Migration } from '../../../storage/ddl.js';
import { T, withId } from '../../../storage/ddl.js';

/** Invoices, payments, refunds and credit notes (src/domain/invoice/tables.ts). */
export const invoice: Migration = {
  name: '0006_invoice',
  async up(db, { dialect }) {
    const account = (c: ColumnDefinitionBuilder) => c.notNull().references('accounts.id').onDelete('cascade');

    await withId(db.schema.createTable('invoices'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('token', T.text, (c) => c.notNull().unique())
      .addColumn('title', T.text, (c) => c.notNull())
      .addColumn('description', T.text)
      .addColumn('currency', T.text, (c) => c.notNull())
      .addColumn('total_cents', T.money, (c) => c.notNull())
      .addColumn('tax_cents', T.money, (c) => c.notNull())
      .addColumn('amount_paid_cents', T.money, (c) => c.notNull().defaultTo(0))
      .addColumn('amount_refunded_cents', T.money, (c) => c.notNull().defaultTo(0))
      .addColumn('status', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('ref_type', T.int, (c) => c.notNull())
      .addColumn('ref_id', T.int)
      .addColumn('event_id', T.int)
      .addColumn('venue_id', T.int)
      .addColumn('booking_id', T.int)
      .addColumn('booking_code', T.text)
      .addColumn('purchase_order_reference', T.text)
      .addColumn('contact_id', T.int, (c) => c.references('contacts.id').onDelete('set null'))
      .addColumn('company_id', T.int, (c) => c.references('companies.id').onDelete('set null'))
      .addColumn('to_name', T.text)
      .addColumn('to_email', T.text)
      .addColumn('to_line1', T.text)
      .addColumn('to_line2', T.text)
      .addColumn('to_line3', T.text)
      .addColumn('to_line4', T.text)
      .addColumn('to_city', T.text)
      .addColumn('to_state_code', T.text)
      .addColumn('to_state_name', T.text)
      .addColumn('to_country_code', T.text)
      .addColumn('to_postal_code', T.text)
      .addColumn('tax_rate_used', T.decimal)
      .addColumn('is_tax_charged', T.bool, (c) => c.notNull().defaultTo(1))
      .addColumn('issued_at', T.instant, (c) => c.notNull())
      .addColumn('due_at', T.instant, (c) => c.notNull())
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('invoices_account').on('invoices').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('invoices_modified').on('invoices').columns(['account_id', 'modified_at']).execute();
    await db.schema.createIndex('invoices_source').on('invoices').columns(['account_id', 'ref_type', 'ref_id']).execute();
    await db.schema.createIndex('invoices_venue').on('invoices').columns(['account_id', 'venue_id']).execute();
    await db.schema.createIndex('invoices_event').on('invoices').columns(['account_id', 'event_id']).execute();
    await db.schema.createIndex('invoices_contact').on('invoices').columns(['account_id', 'contact_id']).execute();
    await db.schema.createIndex('invoices_company').on('invoices').columns(['account_id', 'company_id']).execute();

    await withId(db.schema.createTable('invoice_items'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('invoice_id', T.int, (c) => c.notNull().references('invoices.id').onDelete('cascade'))
      .addColumn('position', T.int, (c) => c.notNull())
      .addColumn('description', T.text, (c) => c.notNull())
      .addColumn('quantity', T.decimal, (c) => c.notNull())
      .addColumn('quantity_unit', T.int, (c) => c.notNull().defaultTo(1))
      .addColumn('unit_cost_cents', T.money, (c) => c.notNull())
      .addColumn('unit_cost_ex_tax_cents', T.money, (c) => c.notNull())
      .addColumn('total_cents', T.money, (c) => c.notNull())
      .addColumn('tax_cents', T.money, (c) => c.notNull())
      .addColumn('ref_type', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('ref_id', T.int)
      .addColumn('ref2_id', T.int)
      .addColumn('service_start', T.date)
      .addColumn('service_end', T.date)
      .addColumn('cost_centers', T.json, (c) => c.notNull())
      .addColumn('adjustments', T.json, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('invoice_items_invoice').on('invoice_items').columns(['invoice_id', 'position']).execute();

    await withId(db.schema.createTable('invoice_taxes'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('invoice_id', T.int, (c) => c.notNull().references('invoices.id').onDelete('cascade'))
      .addColumn('item_id', T.int, (c) => c.references('invoice_items.id').onDelete('cascade'))
      .addColumn('tax_id', T.int, (c) => c.notNull())
      .addColumn('tax_name', T.text, (c) => c.notNull())
      .addColumn('amount_cents', T.money, (c) => c.notNull())
      .addColumn('tax_rate_id', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('tax_rate_amount', T.decimal, (c) => c.notNull())
      .addColumn('tax_rate_amount_type', T.int, (c) => c.notNull())
      .addColumn('costcenter_id', T.int, (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('invoice_taxes_invoice').on('invoice_taxes').columns(['invoice_id', 'id']).execute();

    await withId(db.schema.createTable('custom_payment_methods'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('is_active', T.bool, (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('custom_payment_methods_account')
      .on('custom_payment_methods')
      .columns(['account_id', 'id'])
      .execute();

    await withId(db.schema.createTable('invoice_payments'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('invoice_id', T.int, (c) => c.notNull().references('invoices.id').onDelete('cascade'))
      .addColumn('gateway_payment_id', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('receipt_num', T.text)
      .addColumn('amount_cents', T.money, (c) => c.notNull())
      .addColumn('fee_percentage', T.decimal)
      .addColumn('fee_cents', T.money)
      .addColumn('fee_excluded_tax_ids', T.json, (c) => c.notNull())
      .addColumn('notes', T.text, (c) => c.notNull())
      .addColumn('payment_method', T.int, (c) => c.notNull())
      .addColumn('custom_payment_method_id', T.int, (c) =>
        c.references('custom_payment_methods.id').onDelete('set null'),
      )
      .addColumn('card_type', T.int)
      .addColumn('cheque_number', T.text)
      .addColumn('cheque_drawer_name', T.text)
      .addColumn('cheque_bank_branch', T.text)
      .addColumn('eft_transfer_at', T.instant)
      .addColumn('eft_payment_reference', T.text)
      .addColumn('paid_at', T.instant, (c) => c.notNull())
      .addColumn('reconciled_at', T.instant)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('invoice_payments_invoice').on('invoice_payments').columns(['invoice_id', 'id']).execute();

    await withId(db.schema.createTable('refunds'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('refund_at', T.instant, (c) => c.notNull())
      .addColumn('amount_cents', T.money, (c) => c.notNull())
      .addColumn('notes', T.text)
      .addColumn('refund_method_id', T.int)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('refunds_account').on('refunds').columns(['account_id', 'id']).execute();

    await withId(db.schema.createTable('invoice_refunds'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('invoice_id', T.int, (c) => c.notNull().references('invoices.id').onDelete('cascade'))
      .addColumn('refund_id', T.int, (c) => c.notNull().references('refunds.id').onDelete('cascade'))
      .addColumn('amount_cents', T.money, (c) => c.notNull())
      .addColumn('notes', T.text)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('invoice_refunds_invoice').on('invoice_refunds').columns(['invoice_id', 'id']).execute();

    await withId(db.schema.createTable('credit_notes'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('title', T.text, (c) => c.notNull())
      .addColumn('notes', T.text)
      .addColumn('currency', T.text, (c) => c.notNull())
      .addColumn('total_cents', T.money, (c) => c.notNull())
      .addColumn('tax_cents', T.money, (c) => c.notNull())
      .addColumn('ref_type', T.int, (c) => c.notNull())
      .addColumn('ref_id', T.int)
      .addColumn('event_id', T.int)
      .addColumn('venue_id', T.int)
      .addColumn('contact_id', T.int, (c) => c.references('contacts.id').onDelete('set null'))
      .addColumn('company_id', T.int, (c) => c.references('companies.id').onDelete('set null'))
      .addColumn('invoice_id', T.int, (c) => c.references('invoices.id').onDelete('set null'))
      .addColumn('to_line1', T.text)
      .addColumn('to_line2', T.text)
      .addColumn('to_line3', T.text)
      .addColumn('to_line4', T.text)
      .addColumn('to_city', T.text)
      .addColumn('to_state_code', T.text)
      .addColumn('to_state_name', T.text)
      .addColumn('to_country_code', T.text)
      .addColumn('to_postal_code', T.text)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .addColumn('modified_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('credit_notes_account').on('credit_notes').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('credit_notes_modified').on('credit_notes').columns(['account_id', 'modified_at']).execute();
    await db.schema.createIndex('credit_notes_venue').on('credit_notes').columns(['account_id', 'venue_id']).execute();
    await db.schema.createIndex('credit_notes_invoice').on('credit_notes').columns(['account_id', 'invoice_id']).execute();

    await withId(db.schema.createTable('credit_note_items'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('credit_note_id', T.int, (c) => c.notNull().references('credit_notes.id').onDelete('cascade'))
      .addColumn('position', T.int, (c) => c.notNull())
      .addColumn('description', T.text, (c) => c.notNull())
      .addColumn('quantity', T.decimal, (c) => c.notNull())
      .addColumn('unit_cost_cents', T.money, (c) => c.notNull())
      .addColumn('total_cents', T.money, (c) => c.notNull())
      .addColumn('tax_cents', T.money, (c) => c.notNull())
      .addColumn('ref_type', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('cost_centers', T.json, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('credit_note_items_note')
      .on('credit_note_items')
      .columns(['credit_note_id', 'position'])
      .execute();

    await withId(db.schema.createTable('credit_note_taxes'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('credit_note_id', T.int, (c) => c.notNull().references('credit_notes.id').onDelete('cascade'))
      .addColumn('item_id', T.int, (c) => c.notNull().references('credit_note_items.id').onDelete('cascade'))
      .addColumn('tax_id', T.int, (c) => c.notNull())
      .addColumn('amount_cents', T.money, (c) => c.notNull())
      .addColumn('tax_rate_id', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('tax_rate_amount', T.decimal, (c) => c.notNull())
      .addColumn('tax_rate_amount_type', T.int, (c) => c.notNull())
      .addColumn('costcenter_id', T.int, (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('credit_note_taxes_note').on('credit_note_taxes').columns(['credit_note_id', 'id']).execute();

    await withId(db.schema.createTable('credit_note_allocations'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('credit_note_id', T.int, (c) => c.notNull().references('credit_notes.id').onDelete('cascade'))
      .addColumn('invoice_id', T.int, (c) => c.notNull().references('invoices.id').onDelete('cascade'))
      .addColumn('payment_id', T.int, (c) => c.notNull().references('invoice_payments.id').onDelete('cascade'))
      .addColumn('amount_cents', T.money, (c) => c.notNull())
      .addColumn('credit_at', T.instant, (c) => c.notNull())
      .addColumn('notes', T.text)
      .execute();
    await db.schema
      .createIndex('credit_note_allocations_note')
      .on('credit_note_allocations')
      .columns(['credit_note_id', 'id'])
      .execute();

    await withId(db.schema.createTable('credit_note_refunds'), dialect)
      .addColumn('account_id', T.int, account)
      .addColumn('credit_note_id', T.int, (c) => c.notNull().references('credit_notes.id').onDelete('cascade'))
      .addColumn('refund_id', T.int, (c) => c.notNull().references('refunds.id').onDelete('cascade'))
      .addColumn('amount_cents', T.money, (c) => c.notNull())
      .addColumn('notes', T.text)
      .execute();
    await db.schema
      .createIndex('credit_note_refunds_note')
      .on('credit_note_refunds')
      .columns(['credit_note_id', 'id'])
      .execute();
  },
};
