/** Tax arithmetic shared by invoices and credit notes; amounts in cents. */

/** A tax on a line or on the invoice. */
export interface InvoiceTaxInput {
  taxId: number;
  /** Shown in additionalData.taxes of booking invoices and on the rendered invoice. */
  name: string;
  /** `percentage` (default): `rate` percent; `amount`: `rate` cents. */
  rateType?: 'percentage' | 'amount';
  rate: number;
  /** The rate that overrode the tax's default rate; 0 when none did. */
  taxRateId?: number;
  costcenterId?: number;
}

export interface ComputedTax {
  input: InvoiceTaxInput;
  amountCents: number;
}

/** Splits the included taxes out of a tax-inclusive total. */
export function includedTaxes(totalCents: number, quantity: number, taxes: readonly InvoiceTaxInput[]): ComputedTax[] {
  const percentSum = taxes.filter((t) => t.rateType !== 'amount').reduce((s, t) => s + t.rate, 0);
  const fixed = taxes.filter((t) => t.rateType === 'amount').reduce((s, t) => s + Math.round(t.rate * quantity), 0);
  const taxablePercentBase = totalCents - fixed;
  return taxes.map((t) => ({
    input: t,
    amountCents:
      t.rateType === 'amount'
        ? Math.round(t.rate * quantity)
        : Math.round((taxablePercentBase * t.rate) / (100 + percentSum)),
  }));
}

/** Adds an excluded tax on top of an ex-tax amount. */
export const excludedTax = (exTaxCents: number, t: InvoiceTaxInput): ComputedTax => ({
  input: t,
  amountCents: t.rateType === 'amount' ? Math.round(t.rate) : Math.round((exTaxCents * t.rate) / 100),
});

