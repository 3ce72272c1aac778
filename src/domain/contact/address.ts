/**
 * Address objects (development-reference/address-format.md), used by companies and by
 * address custom fields. Unset parts read back as empty strings, as get-company.md shows.
 */
import { z } from 'zod';
import { string } from '../../registry/params.js';

export const ADDRESS_KEYS = [
  'line1',
  'line2',
  'line3',
  'line4',
  'city',
  'stateCode',
  'stateName',
  'countryCode',
  'postalCode',
] as const;
export type AddressKey = (typeof ADDRESS_KEYS)[number];
export type Address = Record<AddressKey, string>;

const part = () => string(255).nullable().optional();

/** ISO 3166-1 alpha-2, upper-cased on the way in; blank means unset. */
const countryCode = () =>
  string()
    .refine((v) => /^\s*([A-Za-z]{2})?\s*$/.test(v), { message: 'Value must be a two-letter country code' })
    .transform((v) => v.trim().toUpperCase());

export const addressInput = z.object(
  {
    line1: part(),
    line2: part(),
    line3: part(),
    line4: part(),
    city: part(),
    stateCode: string(50).nullable().optional(),
    stateName: part(),
    countryCode: countryCode().nullable().optional(),
    postalCode: string(30).nullable().optional(),
  },
  { error: 'Value must be an object' },
);
export type AddressInput = z.output<typeof addressInput>;

export const addressResult = z.strictObject(Object.fromEntries(ADDRESS_KEYS.map((k) => [k, z.string()])) as Record<
  AddressKey,
  z.ZodString
>);

/** The stored form: every part trimmed, blank parts as null. */
export function normaliseAddress(input: AddressInput): Record<AddressKey, string | null> {
  const out = {} as Record<AddressKey, string | null>;
  for (const key of ADDRESS_KEYS) {
    const value = input[key];
    out[key] = typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  }
  return out;
}

export function addressOut(parts: Partial<Record<AddressKey, string | null>>): Address {
  const out = {} as Address;
  for (const key of ADDRESS_KEYS) out[key] = parts[key] ?? '';
  return out;
}
