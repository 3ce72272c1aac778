/**
 * The HubSpot connector, on the official `@hubspot/api-client` SDK: contacts and companies
 * (with their associations), deals for opportunities, email engagements (objects.ts,
 * specs.ts), marketing events for campaigns (marketing-events.ts) and their participations
 * for campaign members (participations.ts). The properties holding the iVvy ids are created
 * in the account when missing.
 */
import { Client } from '@hubspot/api-client';
import type { Connector, CrmEntity } from '../../connector.js';
import { createRateLimiter } from '../../rate-limiter.js';
import type { RetryPolicy } from '../../retry.js';
import { HubSpotError, hubspotCall, type HubSpotPacing } from './calls.js';
import { openMarketingEvents, type MarketingEventApis } from './marketing-events.js';
import { openObjects, type AssociationApis, type ObjectApis } from './objects.js';
import { openParticipations, type ParticipationApis } from './participations.js';
import { bookingDealSpec, companySpec, contactSpec, dealSpec, emailSpec } from './specs.js';

export interface HubSpotConnectorOptions {
  accessToken: string;
  basePath?: string | undefined;
  requestsPerTenSeconds: number;
  searchRequestsPerSecond: number;
  contactIvvyIdProperty: string;
  companyIvvyIdProperty: string;
  groupsProperty: string;
  dealIvvyIdProperty?: string;
  emailIvvyIdProperty?: string;
  dealPipeline?: string;
  dealStages?: Readonly<Record<string, string>>;
  bookingIvvyIdProperty?: string;
  bookingDealStages?: Readonly<Record<string, string>>;
  eventsExternalAccountId?: string;
  eventOrganizer?: string;
  policy: RetryPolicy;
}

/** The stages of HubSpot's default sales pipeline a quote or booking goes through. */
const BOOKING_DEAL_STAGES = {
  prospective: 'appointmentscheduled',
  'prospective-hold': 'qualifiedtobuy',
  tentative: 'contractsent',
  confirmed: 'closedwon',
  cancelled: 'closedlost',
};

type ObjectType = 'contacts' | 'companies' | 'deals' | 'emails';

/** Where the connector files the properties it creates on object types without a natural group. */
const PROPERTY_GROUP = { name: 'ivvy_sync', label: 'iVvy sync' };
const DEFAULT_GROUP: Readonly<Record<ObjectType, string | null>> = {
  contacts: 'contactinformation',
  companies: 'companyinformation',
  deals: null,
  emails: null,
};

export function createHubSpotConnector(options: HubSpotConnectorOptions): Connector {
  const client = new Client({
    accessToken: options.accessToken,
    ...(options.basePath ? { basePath: options.basePath } : {}),
    numberOfApiCallRetries: 0,
  });
  const pacing: HubSpotPacing = {
    general: createRateLimiter(options.requestsPerTenSeconds, 10_000),
    search: createRateLimiter(options.searchRequestsPerSecond, 1_000),
    policy: options.policy,
    requests: { count: 0 },
    ...(options.basePath ? { url: options.basePath } : {}),
  };
  const specOptions = {
    contactIvvyIdProperty: options.contactIvvyIdProperty,
    companyIvvyIdProperty: options.companyIvvyIdProperty,
    groupsProperty: options.groupsProperty,
    dealIvvyIdProperty: options.dealIvvyIdProperty ?? 'ivvy_registration_id',
    emailIvvyIdProperty: options.emailIvvyIdProperty ?? 'ivvy_email_id',
    dealPipeline: options.dealPipeline ?? 'default',
    dealStages: options.dealStages ?? { completed: 'closedwon', 'payment-waiting': 'contractsent', 'in-progress': 'qualifiedtobuy', cancelled: 'closedlost' },
    bookingIvvyIdProperty: options.bookingIvvyIdProperty ?? 'ivvy_booking_id',
    bookingDealStages: options.bookingDealStages ?? BOOKING_DEAL_STAGES,
  };

  const notFound = (error: unknown) => error instanceof HubSpotError && error.status === 404;

  /** The connector's own property group on an object type, created when missing. */
  const ensureGroup = async (objectType: ObjectType): Promise<string> => {
    const builtIn = DEFAULT_GROUP[objectType];
    if (builtIn) return builtIn;
    try {
      await hubspotCall(pacing, `property group ${PROPERTY_GROUP.name}`, () => client.crm.properties.groupsApi.getByName(objectType, PROPERTY_GROUP.name));
    } catch (error) {
      if (!notFound(error)) throw error;
      await hubspotCall(pacing, `create property group ${PROPERTY_GROUP.name}`, () => client.crm.properties.groupsApi.create(objectType, PROPERTY_GROUP), {
        kind: 'create',
      });
    }
    return PROPERTY_GROUP.name;
  };

  /** Creates a text property the connector needs, when the account does not have it yet. */
  const ensureProperty = async (objectType: ObjectType, name: string, label: string, readOnly: boolean | undefined) => {
    if (readOnly) return;
    try {
      await hubspotCall(pacing, `property ${name}`, () => client.crm.properties.coreApi.getByName(objectType, name));
      return;
    } catch (error) {
      if (!notFound(error)) throw error;
    }
    const groupName = await ensureGroup(objectType);
    await hubspotCall(
      pacing,
      `create property ${name}`,
      () => client.crm.properties.coreApi.create(objectType, { name, label, type: 'string', fieldType: 'text', groupName } as never),
      { kind: 'create' },
    );
  };

  const associationApis = client.crm.associations.v4.batchApi as unknown as AssociationApis;
  const events = client.marketing.events;

  const marketingEvents: MarketingEventApis = {
    getAll: (after, limit) => events.basicApi.getAll(after, limit) as never,
    getByObjectId: (objectId) => events.basicApi.getByObjectId(objectId) as never,
    getDetails: (externalEventId, externalAccountId) => events.basicApi.getDetails(externalEventId, externalAccountId) as never,
    upsert: (externalEventId, input) => events.basicApi.upsert(externalEventId, input as never) as never,
    updateByObjectId: (objectId, input) => events.basicApi.updateByObjectId(objectId, input as never) as never,
    archiveByObjectId: (objectId) => events.basicApi.archiveByObjectId(objectId),
  };

  const participations: ParticipationApis = {
    record: (objectId, state, input) => events.addEventAttendeesApi.recordByContactId(objectId, state, input as never) as never,
    breakdown: (id, contact, state, limit, after) =>
      events.retrieveParticipantStateApi.getParticipationsBreakdownByMarketingEventId(id, contact, state, limit, after) as never,
    async eventExists(objectId) {
      try {
        await events.basicApi.getByObjectId(objectId);
        return true;
      } catch (error) {
        // Only a 404 means "no such event"; anything else is left to the caller's retries.
        if ((error as { code?: number }).code === 404) return false;
        throw error;
      }
    },
    async eventIds(after) {
      const page = await events.basicApi.getAll(after, 100);
      return { ids: page.results.map((e) => String(e.objectId)), after: page.paging?.next?.after ?? null };
    },
  };

  return {
    name: 'hubspot',
    async entity(kind, entityOptions): Promise<CrmEntity | undefined> {
      const readOnly = entityOptions.readOnly;
      switch (kind) {
        case 'contact':
          await ensureProperty('contacts', options.contactIvvyIdProperty, 'iVvy contact id', readOnly);
          if (entityOptions.groups) await ensureProperty('contacts', options.groupsProperty, 'iVvy subscription groups', readOnly);
          return openObjects(client.crm.contacts as unknown as ObjectApis, contactSpec(specOptions), entityOptions, pacing, associationApis);
        case 'company':
          await ensureProperty('companies', options.companyIvvyIdProperty, 'iVvy company id', readOnly);
          return openObjects(client.crm.companies as unknown as ObjectApis, companySpec(specOptions), entityOptions, pacing, associationApis);
        case 'opportunity':
          await ensureProperty('deals', specOptions.dealIvvyIdProperty, 'iVvy registration id', readOnly);
          return openObjects(client.crm.deals as unknown as ObjectApis, dealSpec(specOptions), entityOptions, pacing, associationApis);
        case 'bookingOpportunity':
          await ensureProperty('deals', specOptions.bookingIvvyIdProperty, 'iVvy booking id', readOnly);
          return openObjects(client.crm.deals as unknown as ObjectApis, bookingDealSpec(specOptions), entityOptions, pacing, associationApis);
        case 'emailEngagement':
          await ensureProperty('emails', specOptions.emailIvvyIdProperty, 'iVvy email id', readOnly);
          return openObjects(client.crm.objects.emails as unknown as ObjectApis, emailSpec(specOptions), entityOptions, pacing, associationApis);
        case 'campaign':
          return openMarketingEvents(marketingEvents, pacing, {
            externalAccountId: options.eventsExternalAccountId ?? 'ivvy',
            organizer: options.eventOrganizer ?? 'iVvy',
          });
        case 'campaignMember':
          return openParticipations(participations, pacing);
      }
    },
    requests: () => pacing.requests.count,
    async close() {
      // HTTP keep-alive sockets close with the process; nothing else is held.
    },
  };
}
