/** Contact ids of a dataset, in a fixed pseudo-random order, for request pools. */
import { openStorage } from '../../src/storage/database.js';
import { random } from '../lib/signed.js';
import type { Dataset } from './datasets.js';

/** The account's contact ids in id order; with `firstLive`, only the first that many not anonymised. */
async function contactIds(dataset: Dataset, firstLive?: number): Promise<number[]> {
  const storage = await openStorage(dataset.url);
  try {
    let query = storage.db.selectFrom('contacts').select('id').where('account_id', '=', dataset.accountId).orderBy('id');
    if (firstLive !== undefined) query = query.where('is_anonymised', '=', 0).limit(firstLive);
    return (await query.execute()).map((r) => r.id);
  } finally {
    await storage.close();
  }
}

/** `count` distinct ids of `ids` in a fixed pseudo-random order (a partial Fisher–Yates shuffle). */
function shuffled(ids: number[], count: number, seed: number): number[] {
  const next = random(seed);
  const take = Math.min(count, ids.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(next() * (ids.length - i));
    [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
  }
  return ids.slice(0, take);
}

export async function sampleContactIds(dataset: Dataset, count: number, seed: number): Promise<number[]> {
  return shuffled(await contactIds(dataset), count, seed);
}

/** The first `count` contacts by id that are not anonymised (those heavy.ts loads up), shuffled. */
export async function firstContactIds(dataset: Dataset, count: number, seed: number): Promise<number[]> {
  return shuffled(await contactIds(dataset, count), count, seed);
}

/**
 * The contacts with the most relations (companies, subscription groups, custom values, notes):
 * the seeded records an integration reads most, and the dearest to answer.
 */
export async function relatedContactIds(dataset: Dataset, count: number): Promise<number[]> {
  const storage = await openStorage(dataset.url);
  try {
    const relations = (table: 'company_contacts' | 'subscription_group_members' | 'contact_custom_values' | 'contact_notes') =>
      storage.db
        .selectFrom(table)
        .select((eb) => ['contact_id', eb.fn.countAll<number>().as('n')])
        .where('account_id', '=', dataset.accountId)
        .groupBy('contact_id')
        .execute();
    const totals = new Map<number, number>();
    for (const table of ['company_contacts', 'subscription_group_members', 'contact_custom_values', 'contact_notes'] as const) {
      for (const row of await relations(table)) totals.set(row.contact_id, (totals.get(row.contact_id) ?? 0) + Number(row.n));
    }
    return [...totals].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, count).map(([id]) => id);
  } finally {
    await storage.close();
  }
}
