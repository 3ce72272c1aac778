/**
 * The request pools of the throughput cases, one definition for the bench and the profiling
 * tools. Pools are signed when called, right before each load (signatures are dated).
 */
import type { Dataset } from '../datasets/datasets.js';
import { firstContactIds, relatedContactIds, sampleContactIds } from '../datasets/sample.js';
import type { PreparedRequest } from '../load/run-load.js';
import { signed, type Credentials } from './signed.js';

export type Pool = () => { requests?: PreparedRequest[]; perConnection?: PreparedRequest[][] };

/** The filter and page of the first-page list case, on both Marquee and json-server. */
export const LIST_FILTER = { status: 1 } as const;
export const PAGE = 100;
/** Each connection updates this many contacts of its own, twice over. */
export const WRITES_PER_CONNECTION = 200;
/** Contacts the getContact cases read in turn. */
export const READS = 1000;

export interface PoolInputs {
  /** Contact ids to read, in the order they are asked for. */
  readIds: readonly number[];
  /** At least connections × WRITES_PER_CONNECTION ids, distinct. */
  writeIds: readonly number[];
  /** Contacts in the collection, for the deep pages. */
  total: number;
  connections: number;
}

export type MarqueeCase = 'ping' | 'getContact' | 'getContactList' | 'getContactListDeep' | 'addOrUpdateContact';
export type HeavyCase = 'getContactHeavy' | 'getContactListHeavy';

/**
 * Page starts from 40% to 90% of the collection, a page apart, in a scattered order: what an
 * export or a sync's first run asks for, each page once per cycle.
 */
export function deepStarts(total: number): number[] {
  return scatteredStarts(Math.floor((total * 0.4) / PAGE) * PAGE, Math.floor((total * 0.9) / PAGE) * PAGE);
}

/** Page starts from `first` to `last`, a page apart, each once, neighbours never in a row. */
function scatteredStarts(first: number, last: number): number[] {
  const starts: number[] = [];
  for (let s = first; s <= last; s += PAGE) starts.push(s);
  // A fixed stride through the list (coprime with its length) so neighbours are not asked in a row.
  const stride = [7, 11, 13, 17].find((k) => starts.length % k !== 0) ?? 1;
  return starts.map((_, i) => starts[(i * stride) % starts.length] as number);
}

export function throughputPools(credentials: Credentials, inputs: PoolInputs): Record<'ceiling' | MarqueeCase, Pool> {
  const ping = () => ({ requests: Array.from({ length: 32 }, () => signed(credentials, 'test', 'ping', {})) });
  return {
    ceiling: ping,
    ping,
    getContact: () => ({ requests: inputs.readIds.map((id) => signed(credentials, 'contact', 'getContact', { id })) }),
    getContactList: () => ({
      requests: [signed(credentials, 'contact', 'getContactList', { filter: LIST_FILTER, start: 0, perPage: PAGE })],
    }),
    getContactListDeep: () => ({
      requests: deepStarts(inputs.total).map((start) => signed(credentials, 'contact', 'getContactList', { start, perPage: PAGE })),
    }),
    // Each connection changes its own contacts, alternating two phone numbers, so every request
    // is a real change (an unchanged write records nothing and is cheaper).
    addOrUpdateContact: () => ({
      perConnection: Array.from({ length: inputs.connections }, (_, c) => {
        const mine = inputs.writeIds.slice(c * WRITES_PER_CONNECTION, (c + 1) * WRITES_PER_CONNECTION);
        return [0, 1].flatMap((round) =>
          mine.map((id) => signed(credentials, 'contact', 'addOrUpdateContact', { id, phone: `04${round}${String(id).padStart(7, '0')}` })),
        );
      }),
    }),
  };
}

/**
 * The heavy-records cases (issue 21, item 2): each heavy contact by id, and every page of them
 * (they are the dataset's first contacts, so its first pages), scattered.
 */
export function heavyPools(credentials: Credentials, heavyIds: readonly number[]): Record<HeavyCase, Pool> {
  const lastStart = Math.max(0, Math.floor(heavyIds.length / PAGE) * PAGE - PAGE);
  return {
    // As many ids as the light getContact case asks for, so the two differ only in the records.
    getContactHeavy: () => ({ requests: heavyIds.slice(0, READS).map((id) => signed(credentials, 'contact', 'getContact', { id })) }),
    getContactListHeavy: () => ({
      requests: scatteredStarts(0, lastStart).map((start) => signed(credentials, 'contact', 'getContactList', { start, perPage: PAGE })),
    }),
  };
}

/** The contacts of a heavy dataset that carry heavy records, in a fixed pseudo-random order. */
export async function heavyIds(dataset: Dataset): Promise<number[]> {
  return firstContactIds(dataset, dataset.heavy, 11);
}

/**
 * The ids a run asks for: 1,000 reads, of which the 200 contacts with the most relations and
 * the rest drawn at random (the same on every run), and distinct contacts for the writes.
 */
export async function poolInputs(dataset: Dataset, connections: number): Promise<PoolInputs> {
  const writes = connections * WRITES_PER_CONNECTION;
  const random = await sampleContactIds(dataset, Math.max(2000, writes), 7);
  const related = await relatedContactIds(dataset, 200);
  const chosen = new Set(related);
  const readIds = [...related, ...random.filter((id) => !chosen.has(id))].slice(0, READS);
  // Reads of related contacts spread through the pool rather than bunched at its start.
  const spread = readIds.map((id, i) => ({ id, at: i < related.length ? (i * readIds.length) / related.length : i + 0.5 }));
  return {
    readIds: spread.sort((a, b) => a.at - b.at).map((r) => r.id),
    writeIds: random.slice(0, writes),
    total: dataset.contacts,
    connections,
  };
}
