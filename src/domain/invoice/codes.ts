/**
 * iVvy's invoice constants (get-invoice-list.md, get-invoice.md, add-payment.md,
 * get-credit-note.md). getOptions publishes the descriptions; the rest of the namespace uses
 * the names.
 */

/** get-invoice-list.md, Current status. */
export const InvoiceStatus = {
  notPaid: 0,
  unconfirmedPaid: 1,
  paid: 2,
  writtenOff: 3,
  cancelled: 4,
  refunded: 5,
} as const;
export type InvoiceStatusCode = (typeof InvoiceStatus)[keyof typeof InvoiceStatus];
export const INVOICE_STATUSES = [0, 1, 2, 3, 4, 5] as const;

export const STATUS_DESCRIPTIONS: Readonly<Record<InvoiceStatusCode, string>> = {
  0: 'Not Paid',
  1: 'Un-confirmed Paid',
  2: 'Paid',
  3: 'Written Off',
  4: 'Cancelled',
  5: 'Refunded',
};

/** get-invoice-list.md, Reference type: what an invoice or credit note was raised for. */
export const InvoiceRefType = {
  custom: 0,
  eventRegistration: 1,
  membershipSignUp: 2,
  membershipRenewal: 3,
  venueBooking: 4,
} as const;
export type InvoiceRefTypeCode = (typeof InvoiceRefType)[keyof typeof InvoiceRefType];
export const INVOICE_REF_TYPES = [0, 1, 2, 3, 4] as const;

export const INVOICE_REF_TYPE_DESCRIPTIONS: Readonly<Record<InvoiceRefTypeCode, string>> = {
  0: 'Custom',
  1: 'Event Registration',
  2: 'Membership Sign Up',
  3: 'Membership Renewal',
  4: 'Venue Booking',
};

/**
 * get-invoice.md and get-credit-note.md, Item Ref Type. 101 is not listed; 504 appears in the
 * credit note example ("Balance Adjustment") and 512 only on the credit note page.
 */
export const ItemRefType = {
  unknown: 0,
  fee: 100,
  cardFee: 102,
  paymentFee: 103,
  deposit: 500,
  package: 501,
  invoice: 502,
  payment: 503,
  balanceAdjustment: 504,
  session: 505,
  menuPackage: 506,
  beveragePackage: 507,
  resource: 508,
  product: 509,
  accommodation: 510,
  additionalLine: 511,
  invoicePaymentFee: 512,
  serviceFee: 513,
} as const;

export const ITEM_REF_TYPE_DESCRIPTIONS: Readonly<Record<number, string>> = {
  0: 'Unknown',
  100: 'Fee',
  102: 'Card Fee',
  103: 'Payment Fee',
  500: 'Deposit',
  501: 'Package',
  502: 'Invoice',
  503: 'Payment',
  504: 'Balance Adjustment',
  505: 'Session',
  506: 'Menu Package',
  507: 'Beverage Package',
  508: 'Resource',
  509: 'Product',
  510: 'Accommodation',
  511: 'Additional Line',
  512: 'Invoice Payment Fee',
  513: 'Service Fee',
};

/** Lines that are fees on payments rather than goods or services sold. */
export const FEE_ITEM_REF_TYPES: ReadonlySet<number> = new Set([100, 102, 103, 512]);

/** add-payment.md, paymentMethod. There is no 7. */
export const PaymentMethod = {
  unknown: 0,
  creditCard: 1,
  bpay: 2,
  directDeposit: 3,
  paypal: 4,
  cheque: 5,
  cash: 6,
  accountsReceivable: 8,
  eftpos: 9,
  writeOff: 10,
  pointOfSale: 11,
  wireTransfer: 12,
  custom: 13,
} as const;

export const PAYMENT_METHOD_DESCRIPTIONS: Readonly<Record<number, string>> = {
  0: 'Unknown',
  1: 'Credit Card',
  2: 'BPay',
  3: 'Direct Deposit',
  4: 'PayPal',
  5: 'Cheque',
  6: 'Cash',
  8: 'Accounts Receivable',
  9: 'EFTPOS',
  10: 'WriteOff',
  11: 'Point of Sale',
  12: 'Wire Transfer',
  13: 'Custom',
};

export const isPaymentMethod = (n: number): boolean => Object.hasOwn(PAYMENT_METHOD_DESCRIPTIONS, n);

/** add-payment.md, cardType. */
export const CARD_TYPES = [0, 1, 2, 3, 4] as const;

/** get-invoice.md, Item Taxes Details: taxRateAmountType. */
export const TaxRateType = { percentage: 1, amount: 2 } as const;
