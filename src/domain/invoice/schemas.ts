/**
 * Result schemas of the invoice namespace, field for field as get-invoice-list.md,
 * get-invoice.md, get-credit-note-list.md, get-credit-note.md and get-options.md document
 * them. Amounts are numbers of currency units (cents / 100).
 */
import { z } from 'zod';
import { dateText, timestampText } from '../../registry/result-schemas.js';
import { INVOICE_REF_TYPES, INVOICE_STATUSES } from './codes.js';

const int = () => z.number().int();
const oneOf = <T extends readonly number[]>(values: T) =>
  int().refine((n) => values.includes(n), { message: `expected one of ${values.join(', ')}` });

/** get-invoice-list.md, Address Details; unset parts are empty text, unknown names null. */
export const invoiceAddressResult = z.strictObject({
  line1: z.string(),
  line2: z.string(),
  line3: z.string(),
  line4: z.string(),
  city: z.string(),
  stateCode: z.string(),
  stateName: z.string().nullable(),
  countryCode: z.string(),
  countryName: z.string().nullable(),
  postalCode: z.string(),
});

export const invoiceContactResult = z
  .strictObject({
    id: int(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
  })
  .nullable();

export const invoiceCompanyResult = z
  .strictObject({
    id: int(),
    businessName: z.string(),
    businessNumber: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  })
  .nullable();

/** get-invoice-list.md, Payment Details. */
export const listPaymentResult = z.strictObject({
  id: int(),
  paymentId: int(),
  receiptNum: z.string().nullable(),
  amountPaid: z.number(),
  notes: z.string(),
  chequeNumber: z.string().nullable(),
  paymentMethod: int(),
  paidDate: timestampText,
  feePercentage: z.number().nullable(),
  feeAmount: z.number().nullable(),
  invoiceId: int(),
});

/** get-invoice.md, Payment Details. */
export const paymentResult = z.strictObject({
  id: int(),
  paymentId: int(),
  receiptNum: z.string().nullable(),
  amountPaid: z.number(),
  feeAmount: z.number().nullable(),
  feePercentage: z.number().nullable(),
  notes: z.string(),
  chequeNumber: z.string().nullable(),
  paymentMethod: int(),
  customPaymentMethodId: int().nullable(),
  paidDate: timestampText,
  cardType: int().nullable(),
});

/** get-invoice.md, Refund Details. */
export const refundResult = z.strictObject({
  id: int(),
  invoiceId: int(),
  refundId: int(),
  refundDate: timestampText,
  amountRefunded: z.number(),
  notes: z.string().nullable(),
  refundMethodId: int().nullable(),
  createdDate: timestampText,
  modifiedDate: timestampText,
});

/** get-invoice.md, Item Taxes Details (also the venueExTaxes entries). */
export const taxResult = z.strictObject({
  taxId: int(),
  amount: z.number(),
  taxRateId: int(),
  taxRateAmount: z.number(),
  taxRateAmountType: oneOf([1, 2]),
  costcenterId: int(),
});

export const costCenterResult = z.strictObject({
  costcenterId: int(),
  totalCost: z.number(),
  totalTaxCost: z.number(),
});

/** get-invoice.md, Item Adjustments. */
export const adjustmentResult = z.strictObject({
  adjustmentType: oneOf([1, 2]),
  adjustmentTypeId: int(),
  costcenterId: int(),
  adjustmentValue: z.number(),
  adjustmentValueType: oneOf([1, 2]),
  amount: z.number(),
  description: z.string(),
});

/** get-invoice.md, Item Details, with quantity and unitCost as after the July 2025 change. */
export const itemResult = z.strictObject({
  id: int(),
  description: z.string(),
  quantity: z.number(),
  quantityUnit: oneOf([1]),
  serviceDate: z.strictObject({ start: dateText, end: dateText }).nullable(),
  unitCost: z.number(),
  unitCostExTax: z.number(),
  totalCost: z.number(),
  totalTaxCost: z.number(),
  amountPaid: z.number(),
  refType: int(),
  refId: int().nullable(),
  ref2Id: int().nullable(),
  costCenters: z.array(costCenterResult),
  taxes: z.array(taxResult),
  adjustments: z.array(adjustmentResult),
});

const invoiceFields = {
  id: int(),
  reference: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  currency: z.string().length(3),
  totalCost: z.number(),
  totalTaxCost: z.number(),
  amountPaid: z.number(),
  toContactEmail: z.string().nullable(),
  toContactName: z.string().nullable(),
  contact: invoiceContactResult,
  company: invoiceCompanyResult,
  currentStatus: oneOf(INVOICE_STATUSES),
  createdDate: timestampText,
  issuedDate: timestampText,
  modifiedDate: timestampText,
  refType: oneOf(INVOICE_REF_TYPES),
  refId: int().nullable(),
  taxRateUsed: z.number().nullable(),
  isTaxCharged: oneOf([0, 1]),
  paymentDueDate: timestampText,
  eventId: int().nullable(),
  venueId: int().nullable(),
  toContactId: int().nullable(),
  toAddress: invoiceAddressResult,
  bookingCode: z.string().nullable(),
  bookingId: int().nullable(),
};

/** One result of getInvoiceList; `payments` is null unless the includePaymentDetails filter is set. */
export const invoiceListItemResult = z.strictObject({
  ...invoiceFields,
  payments: z.array(listPaymentResult).nullable(),
});

/** get-invoice.md, Additional Data: booking invoices carry their PO reference and taxes. */
export const additionalDataResult = z.union([
  z.strictObject({
    purchaseOrderReference: z.string().nullable(),
    taxes: z.array(z.strictObject({ id: int(), name: z.string() })),
  }),
  z.strictObject({}),
]);

/** getInvoice, and the `data` of the InvoiceAdded / InvoiceUpdated notifications. */
export const invoiceResult = z.strictObject({
  ...invoiceFields,
  items: z.array(itemResult),
  payments: z.array(paymentResult),
  refunds: z.array(refundResult),
  venueExTaxes: z.array(taxResult),
  additionalData: additionalDataResult,
});

/**
 * An invoice as a registration shows it (contact/get-contact.md, Invoice Details): what
 * getContact's eventRegistrations[].invoices and the events namespace list for a source.
 */
export const sourceInvoiceResult = z.strictObject({
  id: int(),
  reference: z.string(),
  title: z.string(),
  currentStatus: oneOf(INVOICE_STATUSES),
  description: z.string().nullable(),
  currency: z.string(),
  totalCost: z.number(),
  totalPaid: z.number(),
  invoiceUrl: z.string(),
  invoiceUrlPdf: z.string(),
});

const creditNoteFields = {
  id: int(),
  reference: z.string(),
  title: z.string(),
  notes: z.string().nullable(),
  currency: z.string().length(3),
  totalAmount: z.number().nullable(),
  totalTaxAmount: z.number().nullable(),
  amountAllocated: z.number().nullable(),
  amountRefunded: z.number().nullable(),
  createdDate: timestampText,
  modifiedDate: timestampText,
  refType: oneOf(INVOICE_REF_TYPES),
  refId: int().nullable(),
  eventId: int().nullable(),
  venueId: int().nullable(),
  contactId: int().nullable(),
  companyId: int().nullable(),
  invoiceId: int().nullable(),
};

export const creditNoteListItemResult = z.strictObject(creditNoteFields);

/** get-credit-note.md, Item Details. */
export const creditNoteItemResult = z.strictObject({
  id: int(),
  description: z.string(),
  quantity: z.number(),
  unitCost: z.number(),
  totalCost: z.number(),
  totalTaxCost: z.number(),
  amountPaid: z.number().nullable(),
  refType: int(),
  costCenters: z.array(costCenterResult),
  taxes: z.array(taxResult),
});

/** The allocation and refund dates are shown without the UTC suffix, as get-credit-note.md does. */
const plainTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

export const creditNoteResult = z.strictObject({
  ...creditNoteFields,
  address: invoiceAddressResult,
  taxes: z.array(taxResult),
  items: z.array(creditNoteItemResult),
  allocations: z.array(
    z.strictObject({ invoiceId: int(), creditDate: plainTimestamp, amountAllocated: z.number(), notes: z.string().nullable() }),
  ),
  refunds: z.array(
    z.strictObject({ refundId: int(), refundDate: plainTimestamp, amountRefunded: z.number(), notes: z.string().nullable() }),
  ),
});

/** get-options.md: each list maps an identifier to its description. */
const codeMap = z.record(z.string().regex(/^\d+$/), z.string());
export const optionsResult = z.strictObject({
  invoiceRefTypes: codeMap,
  invoiceLineRefTypes: codeMap,
  paymentMethods: codeMap,
  customPaymentMethods: codeMap,
});

/** add-payment.md, Returns (the example capitalises the keys; the table does not). */
export const addPaymentResult = z.strictObject({ success: z.literal(true), id: int() });

export type InvoiceDetail = z.input<typeof invoiceResult>;
export type InvoiceListItem = z.input<typeof invoiceListItemResult>;
export type SourceInvoice = z.input<typeof sourceInvoiceResult>;
export type CreditNoteDetail = z.input<typeof creditNoteResult>;
export type CreditNoteListItem = z.input<typeof creditNoteListItemResult>;
