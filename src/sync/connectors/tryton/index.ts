/**
 * The Tryton connector: contacts and companies as parties (parties.ts), campaigns and their
 * members as mailing lists and their addresses (campaigns.ts, module marketing_email),
 * opportunities as sales opportunities (opportunities.ts, module sale_opportunity) and emails
 * as attachments of the contact's party (attachments.ts).
 */
import type { Connector } from '../../connector.js';
import { createRateLimiter } from '../../rate-limiter.js';
import type { RetryPolicy } from '../../retry.js';
import { openEmailAttachments } from './attachments.js';
import { openCampaigns, openMembers } from './campaigns.js';
import { BOOKING_OPPORTUNITIES, openOpportunities, REGISTRATION_OPPORTUNITIES } from './opportunities.js';
import { openParties } from './parties.js';
import { createTrytonRpc } from './rpc.js';

export interface TrytonConnectorOptions {
  url: string;
  database: string;
  username: string;
  password: string;
  contactCategory: string;
  companyCategory: string;
  groupsCategory: string;
  listLanguage: string;
  requestsPerSecond: number;
  pageSize: number;
  policy: RetryPolicy;
}

export function createTrytonConnector(options: TrytonConnectorOptions): Connector {
  const rpc = createTrytonRpc({
    url: options.url,
    database: options.database,
    username: options.username,
    password: options.password,
    policy: options.policy,
    limiter: createRateLimiter(options.requestsPerSecond, 1000),
  });
  return {
    name: 'tryton',
    async entity(kind, entityOptions) {
      switch (kind) {
        case 'contact':
        case 'company':
          return openParties(rpc, kind, entityOptions, options);
        case 'campaign':
          return openCampaigns(rpc, options);
        case 'campaignMember':
          return openMembers(rpc, options);
        case 'opportunity':
          return openOpportunities(rpc, options, REGISTRATION_OPPORTUNITIES);
        case 'bookingOpportunity':
          return openOpportunities(rpc, options, BOOKING_OPPORTUNITIES);
        case 'emailEngagement':
          return openEmailAttachments(rpc, options);
      }
    },
    requests: () => rpc.requests(),
    async close() {
      // Sessions expire on the server; nothing is held open here.
    },
  };
}
