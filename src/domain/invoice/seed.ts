/**
 * Seeds invoices for the seeded contacts and companies: every status (not paid, partly paid,
 * un-confirmed paid, paid — some with a card fee — written off, cancelled, refunded), payments
 * by several methods, refunds, and credit notes that are allocated and refunded. Everything
 * goes through the same writers the API uses, with each write's clock set to when it happened,
 * so created, modified and paid dates spread over the last months. Like the contact seeder it
 * records no outbox rows: seed data is the starting state, not a change.
 *
 * Registration invoices (refType 1) are the events seeder's; these are custom invoices.
 */
import type { Faker } from '@faker-js/faker';
import { createActionContext, internalCaller } from '../../registry/context.js';
import type { SeedContext, Seeder } from '../../seed/types.js';
import type { Scope } from '../../storage/scope.js';
import { InvoiceRefType, InvoiceStatus, ItemRefType, PaymentMethod } from './codes.js';
import { allocateCreditNote, createCreditNote, refundCreditNote } from './credit-notes.js';
import { applyPayment, type PaymentInput } from './payments.js';
import { refundInvoice } from './refunds.js';
import { cancelInvoice, createInvoice, type InvoiceItemInput, type NewInvoice } from './store.js';
import type { InvoiceTaxInput } from './tax-math.js';
import type { InvoiceWriteContext } from './update.js';

const DAY = 86_400_000;
/**
 * Enough for demos and for paging the list (five pages of 100). Each invoice goes through the
 * API's writers (some 30 queries with its payments), so larger seeds only grow the
 * contact-side tables: 500 invoices take about 18 s on PostgreSQL.
 */
const MAX_INVOICES = 500;

const GST: InvoiceTaxInput = { taxId: 1, name: 'GST', rate: 10, costcenterId: 1 };
const SERVICE_CHARGE: InvoiceTaxInput = { taxId: 2, name: 'Service Charge', rate: 5, costcenterId: 2 };

const CUSTOM_METHODS: ReadonlyArray<{ name: string; active: boolean }> = [
  { name: 'Gift Voucher', active: true },
  { name: 'Company Account', active: true },
  { name: 'Loyalty Points', active: false },
];

/** Things an events and venues business invoices for: description, unit price (cents, GST incl.), item ref type. */
const CATALOGUE: ReadonlyArray<{ description: string; unitCents: readonly [number, number]; refType: number; perHead?: boolean }> = [
  { description: 'Full-day conference package', unitCents: [6500, 12900], refType: ItemRefType.package, perHead: true },
  { description: 'Half-day meeting package', unitCents: [3900, 6900], refType: ItemRefType.package, perHead: true },
  { description: 'Plenary room hire', unitCents: [120000, 450000], refType: ItemRefType.session },
  { description: 'Breakout room hire', unitCents: [35000, 90000], refType: ItemRefType.session },
  { description: 'Canapé menu', unitCents: [2800, 5500], refType: ItemRefType.menuPackage, perHead: true },
  { description: 'Three-course dinner', unitCents: [7500, 14500], refType: ItemRefType.menuPackage, perHead: true },
  { description: 'Premium beverage package (4 hours)', unitCents: [4500, 8900], refType: ItemRefType.beveragePackage, perHead: true },
  { description: 'Data projector and screen', unitCents: [25000, 45000], refType: ItemRefType.resource },
  { description: 'Lectern microphone and PA', unitCents: [15000, 30000], refType: ItemRefType.resource },
  { description: 'Conference satchel', unitCents: [1500, 3500], refType: ItemRefType.product, perHead: true },
  { description: 'Deluxe king room', unitCents: [22000, 39000], refType: ItemRefType.accommodation },
  { description: 'Event management fee', unitCents: [50000, 150000], refType: ItemRefType.additionalLine },
];

const TITLES = ['Tax Invoice', 'Deposit Invoice', 'Final Invoice', 'Tax Invoice', 'Balance Invoice'];

/** The story each seeded invoice is given; the weights make unpaid and paid the common cases. */
type Plan = 'unpaid' | 'partlyPaid' | 'unconfirmed' | 'paid' | 'paidWithFee' | 'writtenOff' | 'cancelled' | 'refunded' | 'partlyRefunded';
const PLANS: ReadonlyArray<{ weight: number; value: Plan }> = [
  { weight: 20, value: 'unpaid' },
  { weight: 12, value: 'partlyPaid' },
  { weight: 5, value: 'unconfirmed' },
  { weight: 30, value: 'paid' },
  { weight: 8, value: 'paidWithFee' },
  { weight: 5, value: 'writtenOff' },
  { weight: 8, value: 'cancelled' },
  { weight: 6, value: 'refunded' },
  { weight: 6, value: 'partlyRefunded' },
];
/** The first invoices take each story once, so even a tiny seed has every status. */
const EVERY_PLAN: readonly Plan[] = PLANS.map((p) => p.value);

interface Party {
  contactId: number | null;
  companyId: number | null;
}

/** The account's custom payment methods, created on the first seed; returns the active ones. */
async function customPaymentMethods(tx: Scope, now: number): Promise<{ active: number[]; created: number }> {
  const existing = await tx.selectFrom('custom_payment_methods').select(['id', 'is_active']).orderBy('id').execute();
  if (existing.length > 0) return { active: existing.filter((m) => m.is_active === 1).map((m) => m.id), created: 0 };
  const rows = await tx
    .insertInto(
      'custom_payment_methods',
      CUSTOM_METHODS.map((m) => ({ name: m.name, is_active: m.active ? 1 : 0, created_at: now })),
    )
    .returning(['id', 'is_active'])
    .execute();
  return { active: rows.filter((m) => m.is_active === 1).map((m) => m.id), created: rows.length };
}

async function parties(tx: Scope, faker: Faker, count: number): Promise<Party[]> {
  const [contacts, companies] = await Promise.all([
    tx.selectFrom('contacts').select('id').orderBy('id').limit(count * 2).execute(),
    tx
      .selectFrom('companies')
      .leftJoin('company_contacts', 'company_contacts.company_id', 'companies.id')
      .select(['companies.id', 'company_contacts.contact_id'])
      .orderBy('companies.id')
      .orderBy('company_contacts.contact_id')
      .limit(count)
      .execute(),
  ]);
  const out: Party[] = [];
  for (let i = 0; i < count; i++) {
    const kind = faker.number.int({ min: 0, max: 9 });
    const company = companies.length > 0 ? faker.helpers.arrayElement(companies) : undefined;
    const contact = contacts.length > 0 ? faker.helpers.arrayElement(contacts) : undefined;
    if (kind < 5 && contact) out.push({ contactId: contact.id, companyId: null });
    else if (kind < 8 && company) out.push({ contactId: company.contact_id, companyId: company.id });
    else if (company) out.push({ contactId: null, companyId: company.id });
    else if (contact) out.push({ contactId: contact.id, companyId: null });
  }
  return out;
}

function items(faker: Faker): InvoiceItemInput[] {
  const heads = faker.number.int({ min: 8, max: 180 });
  const eventDay = faker.date.soon({ days: 90 }).toISOString().slice(0, 10);
  return faker.helpers.arrayElements(CATALOGUE, { min: 1, max: 4 }).map((entry) => ({
    description: entry.description,
    quantity: entry.perHead ? heads : faker.number.int({ min: 1, max: 3 }),
    unitCostCents: faker.number.int({ min: entry.unitCents[0] / 100, max: entry.unitCents[1] / 100 }) * 100,
    refType: entry.refType,
    serviceDate: { start: eventDay },
    taxes: [GST],
    costCenters: [],
  }));
}

function payment(faker: Faker, amountCents: number, paidAt: number, customIds: readonly number[]): PaymentInput {
  const method = faker.helpers.arrayElement([
    PaymentMethod.creditCard,
    PaymentMethod.creditCard,
    PaymentMethod.directDeposit,
    PaymentMethod.cheque,
    PaymentMethod.cash,
    PaymentMethod.eftpos,
    PaymentMethod.wireTransfer,
    ...(customIds.length > 0 ? [PaymentMethod.custom] : []),
  ]);
  return {
    amountCents,
    paidAt,
    method,
    receiptNum: String(faker.number.int({ min: 100000, max: 999999 })),
    cardType: method === PaymentMethod.creditCard ? faker.number.int({ min: 1, max: 4 }) : null,
    chequeNumber: method === PaymentMethod.cheque ? String(faker.number.int({ min: 100000, max: 999999 })) : null,
    chequeDrawerName: method === PaymentMethod.cheque ? faker.person.fullName() : null,
    eftTransferAt: method === PaymentMethod.directDeposit ? paidAt : null,
    eftPaymentReference: method === PaymentMethod.directDeposit ? faker.string.alphanumeric({ length: 10, casing: 'upper' }) : null,
    customPaymentMethodId: method === PaymentMethod.custom ? faker.helpers.arrayElement(customIds) : null,
    reconciledAt: faker.datatype.boolean({ probability: 0.7 }) ? paidAt + DAY : null,
  };
}

export async function seedInvoiceData(ctx: SeedContext): Promise<Record<string, number>> {
  const { faker } = ctx;
  const count = Math.min(MAX_INVOICES, Math.max(EVERY_PLAN.length, Math.round(ctx.contacts / 5)));
  return ctx.store.transaction(async (tx) => {
    const methods = await customPaymentMethods(tx, ctx.now);
    const customIds = methods.active;
    const who = await parties(tx, faker, count);
    if (who.length === 0) return { customPaymentMethods: methods.created };
    /** Instants of the seeded history stay (just) in the past. */
    const past = (t: number) => Math.min(ctx.now - 60_000, t);
    // Every write gets its own clock, so dates are those of the invoice's history.
    const at = (now: number): InvoiceWriteContext =>
      createActionContext(ctx, tx, internalCaller(tx.accountId), { now, recordChanges: false });
    const counts = { invoices: 0, invoicePayments: 0, invoiceRefunds: 0, creditNotes: 0 };
    const cancelledWithPayment: Array<{ id: number; issuedAt: number; paidCents: number; currency: string; party: Party; at: number }> = [];
    const openByCurrency = new Map<string, number[]>();

    for (let i = 0; i < who.length; i++) {
      const party = who[i]!;
      const plan = i < EVERY_PLAN.length ? EVERY_PLAN[i]! : faker.helpers.weightedArrayElement(PLANS);
      const issuedAt = ctx.now - faker.number.int({ min: 2, max: 180 }) * DAY - faker.number.int({ min: 0, max: DAY });
      const currency = faker.helpers.weightedArrayElement([
        { weight: 8, value: 'AUD' },
        { weight: 1, value: 'NZD' },
        { weight: 1, value: 'USD' },
      ]);
      const withServiceCharge = faker.datatype.boolean({ probability: 0.2 });
      const input: NewInvoice = {
        refType: InvoiceRefType.custom,
        refId: null,
        contactId: party.contactId,
        companyId: party.companyId,
        title: faker.helpers.arrayElement(TITLES),
        description: faker.helpers.maybe(() => `${faker.company.catchPhrase()} — ${faker.date.month()} event`, { probability: 0.6 }) ?? null,
        currency,
        items: items(faker),
        excludedTaxes: withServiceCharge ? [SERVICE_CHARGE] : [],
        issuedAt,
        dueAt: issuedAt + faker.helpers.arrayElement([7, 14, 30]) * DAY,
        status: plan === 'unconfirmed' ? InvoiceStatus.unconfirmedPaid : InvoiceStatus.notPaid,
        email: false,
      };
      const invoice = await createInvoice(at(issuedAt), input);
      counts.invoices++;
      const total = Math.round(invoice.totalCost * 100);
      const paidAt = (n: number) => past(issuedAt + n * DAY + faker.number.int({ min: 0, max: DAY }));
      const pay = async (cents: number, when: number, override: Partial<PaymentInput> = {}) => {
        await applyPayment(at(when), invoice.id, { ...payment(faker, cents, when, customIds), ...override });
        counts.invoicePayments++;
      };
      const part = () => Math.max(100, Math.round((total * faker.number.int({ min: 20, max: 60 })) / 100));

      switch (plan) {
        case 'unpaid':
        case 'unconfirmed':
          (openByCurrency.get(currency) ?? openByCurrency.set(currency, []).get(currency)!).push(invoice.id);
          break;
        case 'partlyPaid':
          await pay(part(), paidAt(1));
          (openByCurrency.get(currency) ?? openByCurrency.set(currency, []).get(currency)!).push(invoice.id);
          break;
        case 'paid': {
          const first = faker.datatype.boolean() ? part() : total;
          await pay(first, paidAt(1));
          if (first < total) await pay(total - first, paidAt(10));
          break;
        }
        case 'paidWithFee': {
          const pct = faker.helpers.arrayElement([1.5, 1.75, 2.9]);
          const gross = total + Math.round((total * pct) / 100);
          await pay(gross, paidAt(1), { method: PaymentMethod.creditCard, cardType: faker.number.int({ min: 1, max: 4 }), feePercentage: pct, customPaymentMethodId: null, chequeNumber: null });
          break;
        }
        case 'writtenOff': {
          const first = part();
          await pay(first, paidAt(2));
          await pay(total - first, paidAt(60), { method: PaymentMethod.writeOff, receiptNum: null, cardType: null, customPaymentMethodId: null, chequeNumber: null });
          break;
        }
        case 'cancelled': {
          const deposit = faker.datatype.boolean() ? part() : 0;
          if (deposit > 0) await pay(deposit, paidAt(1));
          const cancelledAt = paidAt(5);
          await cancelInvoice(at(cancelledAt), invoice.id);
          if (deposit > 0) cancelledWithPayment.push({ id: invoice.id, issuedAt, paidCents: deposit, currency, party, at: cancelledAt });
          break;
        }
        case 'refunded':
        case 'partlyRefunded': {
          await pay(total, paidAt(1));
          const refund = plan === 'refunded' ? total : part();
          await refundInvoice(at(paidAt(20)), invoice.id, {
            amountCents: Math.min(refund, total),
            refundAt: paidAt(20),
            notes: plan === 'refunded' ? 'Event cancelled by the client; refunded in full' : 'Reduced numbers on the day',
            refundMethodId: null,
          });
          counts.invoiceRefunds++;
          break;
        }
      }
    }

    // A cancelled invoice's deposit becomes a credit note: part of it pays another open
    // invoice in the same currency, the rest is refunded.
    for (const cancelled of cancelledWithPayment) {
      const when = past(cancelled.at + DAY);
      const later = (days: number) => past(when + days * DAY);
      const noteId = await createCreditNote(at(when), {
        refType: InvoiceRefType.custom,
        refId: null,
        // Named by its date, not its reference: references follow ids, which depend on other accounts.
        title: `Credit for cancelled invoice of ${new Date(cancelled.issuedAt).toISOString().slice(0, 10)}`,
        notes: faker.helpers.maybe(() => 'Deposit held as credit at the client\'s request', { probability: 0.5 }) ?? null,
        currency: cancelled.currency,
        invoiceId: cancelled.id,
        items: [{ description: 'Deposit credit', unitCostCents: cancelled.paidCents, refType: ItemRefType.deposit, taxes: [GST] }],
        createdAt: when,
      });
      counts.creditNotes++;
      const open = openByCurrency.get(cancelled.currency) ?? [];
      let left = cancelled.paidCents;
      if (open.length > 0 && faker.datatype.boolean({ probability: 0.7 })) {
        const target = open.shift()!;
        const current = await tx.selectFrom('invoices').select(['total_cents', 'amount_paid_cents']).where('id', '=', target).executeTakeFirstOrThrow();
        const use = Math.min(left, Number(current.total_cents) - Number(current.amount_paid_cents), Math.round(left * 0.6));
        if (use > 0) {
          await allocateCreditNote(at(later(1)), noteId, target, use, later(1), 'Applied to the client\'s next booking');
          counts.invoicePayments++;
          left -= use;
        }
      }
      if (left > 0 && faker.datatype.boolean({ probability: 0.6 })) {
        await refundCreditNote(at(later(2)), noteId, { amountCents: left, refundAt: later(2), notes: 'Balance of credit refunded' });
      }
    }
    return { ...counts, customPaymentMethods: methods.created };
  });
}

export const invoiceSeeder: Seeder = { name: 'invoice', seed: seedInvoiceData };
