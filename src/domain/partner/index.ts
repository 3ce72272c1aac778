/**
 * The partner namespace: the venue marketplace as a partner key sees it. Not implemented yet:
 * every action answers 501 Not Implemented.
 */
import { defineNamespace, NOT_IMPLEMENTED } from '../../registry/namespace.js';

export const partner = defineNamespace({
  namespace: 'partner',
  actions: {
    getVenue: NOT_IMPLEMENTED,
    getVenueList: NOT_IMPLEMENTED,
  },
});
