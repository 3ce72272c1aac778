/**
 * The request pools of the throughput cases, as the profiling tools drive them (the same
 * requests as scenarios/throughput.ts, without its checks and reporting).
 */
import { signed, type Credentials } from '../lib/signed.js';
import type { PreparedRequest } from '../load/run-load.js';

export type Pool = () => { requests?: PreparedRequest[]; perConnection?: PreparedRequest[][] };

export function throughputPools(credentials: Credentials, ids: readonly number[]): Record<string, Pool> {
  const ping = () => ({ requests: Array.from({ length: 32 }, () => signed(credentials, 'test', 'ping', {})) });
  return {
    ceiling: ping,
    ping,
    getContact: () => ({ requests: ids.slice(0, 1000).map((id) => signed(credentials, 'contact', 'getContact', { id })) }),
    getContactList: () => ({
      requests: [signed(credentials, 'contact', 'getContactList', { filter: { status: 1 }, start: 0, perPage: 100 })],
    }),
    // Each connection changes its own contacts, so every write is a real change.
    addOrUpdateContact: () => ({
      perConnection: Array.from({ length: 10 }, (_, c) => {
        const mine = ids.slice(c * 200, (c + 1) * 200);
        return [0, 1].flatMap((round) => mine.map((id) => signed(credentials, 'contact', 'addOrUpdateContact', { id, phone: `04${round}${id}` })));
      }),
    }),
  };
}
