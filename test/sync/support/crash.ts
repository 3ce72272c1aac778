/**
 * Crash points for the in-process "killed at every point" sweeps: every call to either side
 * goes through `around`, which counts it and, when armed for that count, fails it abruptly —
 * before it is sent or after its answer arrived — as a process dying there would.
 */
import type { SyncConfig } from '../../../src/sync/config.js';
import type { Connector, CrmEntity } from '../../../src/sync/connector.js';
import { createHubSpotConnector } from '../../../src/sync/connectors/hubspot/index.js';

export class Crash extends Error {}

/** Counts calls to either side and fails the armed one. */
export function crashSwitch() {
  let count = 0;
  let armed: { at: number; mode: 'before' | 'after' } | null = null;
  let fired = false;
  return {
    /** When set, the next CRM update is applied and then fails, as if the process died. */
    dieAfterNextUpdate: false,
    arm(at: number, mode: 'before' | 'after') {
      count = 0;
      armed = { at, mode };
      fired = false;
    },
    disarm() {
      armed = null;
    },
    fired: () => fired,
    async around<T>(fn: () => Promise<T>): Promise<T> {
      count++;
      const hit = armed !== null && count === armed.at;
      if (hit && armed!.mode === 'before') {
        fired = true;
        throw new Crash(`crash before call ${count}`);
      }
      const result = await fn();
      if (hit) {
        fired = true;
        throw new Crash(`crash after call ${count}`);
      }
      return result;
    },
  };
}

export function crashingConnector(inner: Connector, crash: ReturnType<typeof crashSwitch>): Connector {
  return {
    name: inner.name,
    requests: () => inner.requests(),
    close: () => inner.close(),
    async entity(kind, options) {
      const entity = await inner.entity(kind, options);
      if (!entity) return entity;
      const wrapped: CrmEntity = {
        kind: entity.kind,
        fields: entity.fields,
        listChanges: (since, resume) => crash.around(() => entity.listChanges(since, resume)),
        get: (ids) => crash.around(() => entity.get(ids)),
        listIds: () => entity.listIds(),
        findBySourceIds: (ids, since) => crash.around(() => entity.findBySourceIds(ids, since)),
        create: (inputs) => crash.around(() => entity.create(inputs)),
        update: (inputs) =>
          crash.around(async () => {
            const results = await entity.update(inputs);
            if (crash.dieAfterNextUpdate) {
              crash.dieAfterNextUpdate = false;
              throw new Crash('died after the CRM applied an update');
            }
            return results;
          }),
        remove: (ids, policy) => crash.around(() => entity.remove(ids, policy)),
      };
      return wrapped;
    },
  };
}


/** The configured HubSpot connector, failing at the armed crash point and never retrying. */
export function crashingHubSpot(config: SyncConfig, crash: ReturnType<typeof crashSwitch>): Connector {
  const hubspot = config.crm.hubspot;
  if (!hubspot) throw new Error('the sync configuration has no HubSpot section');
  return crashingConnector(createHubSpotConnector({ ...hubspot, policy: { retries: 0, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 } }), crash);
}
