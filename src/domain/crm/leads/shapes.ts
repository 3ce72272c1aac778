/** Lead row -> the get-lead-list.md / get-opportunity-list.md item. */
import { formatTimestamp } from '../../../protocol/timestamp.js';
import { parseExternalUrls } from '../../contact/external-urls.js';
import { optionalInstant } from '../schemas.js';
import type { Lead, Opportunity } from './schemas.js';
import type { LeadWithRefs } from './store.js';

export function leadShape(r: LeadWithRefs): Lead {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    ownerUser:
      r.owner_user_id === null || r.owner_first_name === null
        ? null
        : {
            id: r.owner_user_id,
            firstName: r.owner_first_name,
            lastName: r.owner_last_name ?? '',
            email: r.owner_email ?? '',
            phone: r.owner_phone ?? null,
          },
    contact:
      r.contact_id === null || r.contact_first_name === null
        ? null
        : {
            id: r.contact_id,
            firstName: r.contact_first_name,
            lastName: r.contact_last_name ?? '',
            email: r.contact_email ?? '',
            phone: r.contact_phone ?? null,
          },
    company:
      r.company_id === null || r.company_business_name === null
        ? null
        : {
            id: r.company_id,
            businessName: r.company_business_name,
            businessNumber: r.company_business_number ?? null,
            phone: r.company_phone ?? null,
            email: r.company_email ?? null,
          },
    currentBookingId: r.current_booking_id,
    qualityId: r.quality_id,
    quality: r.quality_label ?? null,
    stageId: r.stage_id,
    stageName: r.stage_name ?? null,
    stageReasonId: r.stage_reason_id,
    stageReasonName: r.stage_reason ?? null,
    adminStatusChangedDate: optionalInstant(r.admin_status_changed_at),
    typeId: r.type_id,
    type: r.type_name ?? null,
    subtypeId: r.subtype_id,
    sourceId: r.source_id,
    sourceName: r.source_name ?? null,
    channelId: r.channel_id,
    channelName: r.channel_name ?? null,
    // Marquee receives no mail, so there is no address that would file an email to the lead.
    leadBccEmail: null,
    closedDate: optionalInstant(r.closed_at),
    lostToCompetition: r.lost_to_competition,
    createdDate: formatTimestamp(r.created_at),
    modifiedDate: formatTimestamp(r.modified_at),
  };
}

export function opportunityShape(r: LeadWithRefs): Opportunity {
  if (r.venue_id === null) throw new Error(`lead ${r.id} is not an opportunity`);
  const { id, ...rest } = leadShape(r);
  return { id, venueId: r.venue_id, ...rest, externalUrls: parseExternalUrls(r.external_urls) };
}
