/** contact/get-contact.md, Privacy Consent Data, as registrations and attendees carry it. */
import { formatTimestamp } from '../../protocol/timestamp.js';

export function privacyConsentOf(row: { privacy_consent_source: number | null; privacy_consent_at: number | null }) {
  return row.privacy_consent_source !== null && row.privacy_consent_at !== null
    ? { source: row.privacy_consent_source, dateTime: formatTimestamp(Number(row.privacy_consent_at)) }
    : null;
}
