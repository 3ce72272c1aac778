/**
 * Money is stored as integer cents and shown as a decimal number of currency units, the way
 * the invoice pages show it (233.45). Converting through integers keeps sums exact.
 */

export const toAmount = (cents: number): number => Math.round(cents) / 100;

export const toOptionalAmount = (cents: number | null): number | null => (cents === null ? null : toAmount(cents));

/**
 * Cents for an amount given by a client, or null when it has more than two decimal places
 * (the unit of every stored amount) or is not a finite number.
 */
export function centsOf(amount: number): number | null {
  if (!Number.isFinite(amount)) return null;
  const cents = Math.round(amount * 100);
  // 0.1 + 0.2 style float noise is fine; a third decimal place is not.
  if (Math.abs(cents - amount * 100) > 1e-6 * Math.max(1, Math.abs(amount))) return null;
  return Number.isSafeInteger(cents) ? cents : null;
}

/** `part` of `whole` rounded to cents, for splitting a tax-inclusive amount. */
export const shareOf = (whole: number, numerator: number, denominator: number): number =>
  denominator === 0 ? 0 : Math.round((whole * numerator) / denominator);

// One formatter per currency: building one costs far more than formatting with it. A currency
// Intl does not know is remembered as null (the plain fallback); the codes are ISO's, a bounded set.
const moneyFormats = new Map<string, Intl.NumberFormat | null>();

function moneyFormat(currency: string): Intl.NumberFormat | null {
  if (!moneyFormats.has(currency)) {
    if (moneyFormats.size >= 1_000) moneyFormats.clear();
    let format: Intl.NumberFormat | null = null;
    try {
      format = new Intl.NumberFormat('en-AU', { style: 'currency', currency, currencyDisplay: 'code' });
    } catch {
      // Not a currency Intl knows: the plain form below.
    }
    moneyFormats.set(currency, format);
  }
  return moneyFormats.get(currency) ?? null;
}

/** `12.5` -> `AUD 12.50` style text for documents (HTML, PDF, email). */
export function formatMoney(cents: number, currency: string): string {
  return moneyFormat(currency)?.format(cents / 100) ?? `${currency} ${(cents / 100).toFixed(2)}`;
}
