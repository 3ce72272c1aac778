/**
 * The partner namespace: the venue marketplace as a partner key sees it, the venues of every
 * account listed in it (`marquee marketplace add`), read-only. dispatch.ts keeps partner keys
 * to this namespace and account keys out of it.
 */
import { defineNamespace } from '../../registry/namespace.js';
import { getVenue, getVenueList } from './actions.js';

export const partner = defineNamespace({
  namespace: 'partner',
  actions: {
    getVenue,
    getVenueList,
  },
});
