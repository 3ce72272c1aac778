/**
 * The Tryton connector: contacts and companies as parties (parties.ts). Opportunities
 * (`sale.opportunity`) and campaigns (`marketing.email.list`) come with the one-way modules.
 */
import type { Connector } from '../../connector.js';
import { createRateLimiter } from '../../rate-limiter.js';
import type { RetryPolicy } from '../../retry.js';
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
      if (kind === 'contact' || kind === 'company') return openParties(rpc, kind, entityOptions, options);
      return undefined;
    },
    requests: () => rpc.requests(),
    async close() {
      // Sessions expire on the server; nothing is held open here.
    },
  };
}
