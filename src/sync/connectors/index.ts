/** Builds the configured connector. A new connector adds its branch here. */
import type { SyncConfig } from '../config.js';
import type { Connector } from '../connector.js';
import type { RetryPolicy } from '../retry.js';
import { createHubSpotConnector } from './hubspot/index.js';
import { createTrytonConnector } from './tryton/index.js';

export function createConnector(config: SyncConfig, policy: RetryPolicy): Connector {
  const crm = config.crm;
  switch (crm.connector) {
    case 'hubspot': {
      const h = crm.hubspot!;
      return createHubSpotConnector({ ...h, policy });
    }
    case 'tryton': {
      const t = crm.tryton!;
      return createTrytonConnector({ ...t, pageSize: config.sync.pageSize, policy });
    }
  }
}
