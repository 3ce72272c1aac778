/** Contact ids of a dataset, in a fixed pseudo-random order, for request pools. */
import { openStorage } from '../../src/storage/database.js';
import { random } from '../lib/signed.js';
import type { Dataset } from './datasets.js';

export async function sampleContactIds(dataset: Dataset, count: number, seed: number): Promise<number[]> {
  const storage = await openStorage(dataset.url);
  try {
    const rows = await storage.db
      .selectFrom('contacts')
      .select('id')
      .where('account_id', '=', dataset.accountId)
      .orderBy('id')
      .execute();
    const next = random(seed);
    const ids = rows.map((r) => r.id);
    // Distinct ids (a partial Fisher–Yates shuffle).
    const take = Math.min(count, ids.length);
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(next() * (ids.length - i));
      [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
    }
    return ids.slice(0, take);
  } finally {
    await storage.close();
  }
}
