/**
 * Phone numbers on their way to a CRM are written in E.164 (`+61298765432`), the form both
 * HubSpot's phone validation and Tryton's (with python3-phonenumbers, as Debian installs it
 * by default) accept without guessing a country. A number written without a country code is
 * read in the configured default region (`sync.defaultRegion`).
 *
 * The full metadata of libphonenumber-js ('max') is used: it checks numbers the way Google's
 * libphonenumber does, which is what python-phonenumbers (Tryton) and HubSpot use, so a number
 * it calls valid is not refused by the CRM for being invalid (docs/decisions.md).
 */
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** Whether `code` is a region libphonenumber knows (ISO 3166-1 alpha-2, upper case). */
export function isPhoneRegion(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);
}

/**
 * The number in E.164 when it is a valid phone number (read in `region` when it has no
 * country code); otherwise the text unchanged, for the CRM to accept or refuse — a CRM that
 * does not validate phone numbers keeps what the user typed, and one that does reports the
 * value as it was in iVvy.
 */
export function normalisePhone(value: string, region: string | undefined): string {
  const text = value.trim();
  if (text === '') return value;
  const parsed = parsePhoneNumberFromString(text, region && isPhoneRegion(region) ? { defaultCountry: region as CountryCode } : undefined);
  return parsed?.isValid() ? parsed.number : value;
}
