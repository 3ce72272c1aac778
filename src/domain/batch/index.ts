/**
 * The batch namespace (getting-started/batch/*): its tables and runner are the platform's
 * (src/batch/), since every action can run in a batch.
 */
import { defineNamespace } from '../../registry/namespace.js';
import { progress, repost, restart, results, run } from './actions.js';

export const batch = defineNamespace({
  namespace: 'batch',
  actions: { progress, repost, restart, results, run },
});
