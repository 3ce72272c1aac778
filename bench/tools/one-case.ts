/**
 * What every "one throughput case under a profiler" tool sets up: the case, dataset size and
 * duration from the command line (`<case> [contacts] [seconds]`), pinning, a fresh build, the
 * kept SQLite dataset and the case's request pool. The heavy cases (getContactHeavy,
 * getContactListHeavy) use a heavy dataset of `contacts`, every one of them heavy.
 */
import { prepareDataset, type Dataset } from '../datasets/datasets.js';
import { buildMarquee } from '../lib/build.js';
import { pinSelf, planPinning, type Pinning } from '../lib/machine.js';
import { DEFAULT_DATA_DIR } from '../lib/paths.js';
import { heavyIds, heavyPools, poolInputs, throughputPools, type Pool } from '../lib/pools.js';

export interface OneCase {
  which: string;
  seconds: number;
  pinning: Pinning;
  buildDir: string;
  dataset: Dataset;
  pool: Pool;
  log: (line: string) => void;
}

export async function setUpOneCase(defaults: { contacts: number; seconds: number }): Promise<OneCase> {
  const which = process.argv[2] ?? 'ping';
  const contacts = Number(process.argv[3] ?? defaults.contacts);
  const seconds = Number(process.argv[4] ?? defaults.seconds);
  const pinning = planPinning();
  pinSelf(pinning);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const buildDir = buildMarquee(DEFAULT_DATA_DIR, log);
  const heavy = which.endsWith('Heavy') ? contacts : 0;
  const dataset = await prepareDataset('sqlite', contacts, { dataDir: DEFAULT_DATA_DIR, postgresUrl: '', fresh: false, log, heavy });
  const credentials = { key: dataset.key, secret: dataset.secret };
  const pools: Record<string, Pool> = heavy > 0 ? heavyPools(credentials, await heavyIds(dataset)) : throughputPools(credentials, await poolInputs(dataset, 10));
  const pool = pools[which];
  if (!pool) throw new Error(`unknown case ${which}`);
  return { which, seconds, pinning, buildDir, dataset, pool, log };
}
