/**
 * The HubSpot connector, on the official `@hubspot/api-client` SDK: contacts and companies
 * (objects.ts). The iVvy id properties it pairs by are created in the account when missing.
 * Deals, marketing events with participations, email engagements and associations come with
 * the one-way modules.
 */
import { Client } from '@hubspot/api-client';
import type { Connector, CrmEntity } from '../../connector.js';
import { createRateLimiter } from '../../rate-limiter.js';
import type { RetryPolicy } from '../../retry.js';
import { HubSpotError, hubspotCall, type HubSpotPacing } from './calls.js';
import { openObjects, type ObjectApis, type ObjectSpec } from './objects.js';

export interface HubSpotConnectorOptions {
  accessToken: string;
  basePath?: string | undefined;
  requestsPerTenSeconds: number;
  searchRequestsPerSecond: number;
  contactIvvyIdProperty: string;
  companyIvvyIdProperty: string;
  groupsProperty: string;
  policy: RetryPolicy;
}

const CONTACT_PROPERTIES = { firstName: 'firstname', lastName: 'lastname', email: 'email', phone: 'phone' } as const;
const COMPANY_PROPERTIES = {
  name: 'name',
  phone: 'phone',
  website: 'website',
  'address.line1': 'address',
  'address.line2': 'address2',
  'address.city': 'city',
  'address.state': 'state',
  'address.postalCode': 'zip',
  'address.country': 'country',
} as const;

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
  };

  /** Creates a text property the connector needs, when the account does not have it yet. */
  const ensureProperty = async (objectType: 'contacts' | 'companies', name: string, label: string, readOnly: boolean | undefined) => {
    if (readOnly) return;
    try {
      await hubspotCall(pacing, `property ${name}`, () => client.crm.properties.coreApi.getByName(objectType, name));
      return;
    } catch (error) {
      if (!(error instanceof HubSpotError && error.status === 404)) throw error;
    }
    await hubspotCall(
      pacing,
      `create property ${name}`,
      () =>
        client.crm.properties.coreApi.create(objectType, {
          name,
          label,
          type: 'string',
          fieldType: 'text',
          groupName: objectType === 'contacts' ? 'contactinformation' : 'companyinformation',
        } as never),
      { kind: 'create' },
    );
  };

  return {
    name: 'hubspot',
    async entity(kind, entityOptions): Promise<CrmEntity | undefined> {
      if (kind === 'contact') {
        await ensureProperty('contacts', options.contactIvvyIdProperty, 'iVvy contact id', entityOptions.readOnly);
        if (entityOptions.groups) await ensureProperty('contacts', options.groupsProperty, 'iVvy subscription groups', entityOptions.readOnly);
        const spec: ObjectSpec = {
          kind,
          objectType: 'contacts',
          modifiedProperty: 'lastmodifieddate',
          properties: CONTACT_PROPERTIES,
          ivvyIdProperty: options.contactIvvyIdProperty,
          groupsProperty: options.groupsProperty,
        };
        return openObjects(client.crm.contacts as unknown as ObjectApis, spec, entityOptions, pacing);
      }
      if (kind === 'company') {
        await ensureProperty('companies', options.companyIvvyIdProperty, 'iVvy company id', entityOptions.readOnly);
        const spec: ObjectSpec = {
          kind,
          objectType: 'companies',
          modifiedProperty: 'hs_lastmodifieddate',
          properties: COMPANY_PROPERTIES,
          ivvyIdProperty: options.companyIvvyIdProperty,
          groupsProperty: null,
        };
        return openObjects(client.crm.companies as unknown as ObjectApis, spec, entityOptions, pacing);
      }
      return undefined;
    },
    requests: () => pacing.requests.count,
    async close() {
      // HTTP keep-alive sockets close with the process; nothing else is held.
    },
  };
}
