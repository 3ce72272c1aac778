/**
 * Builds (or checks and keeps) the datasets a full bench run needs, without measuring anything,
 * so that seeding a million contacts can happen ahead of a run instead of inside its time.
 *
 *   node --import tsx bench/tools/prepare-datasets.ts [sqlite-100000+json] [sqlite-1000000] [postgres-1000000] …
 *
 * Each argument is KIND-N, with "+json" when json-server's export is wanted too, or "+heavy"
 * for a dataset whose every contact carries heavy records (datasets/heavy.ts).
 */
import { prepareDataset, type DatabaseKind } from '../datasets/datasets.js';
import { DEFAULT_DATA_DIR } from '../lib/paths.js';

const postgresUrl = process.env.MARQUEE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (line: string) => process.stderr.write(`${line}\n`);
const wanted = process.argv.slice(2);
if (wanted.length === 0) wanted.push('sqlite-100000+json', 'sqlite-2000+heavy', 'sqlite-1000000', 'postgres-100000', 'postgres-1000000');
for (const item of wanted) {
  const match = /^(sqlite|postgres)-(\d+)(\+json|\+heavy)?$/.exec(item);
  if (!match) throw new Error(`expected KIND-N[+json|+heavy], got '${item}'`);
  const started = Date.now();
  await prepareDataset(match[1] as DatabaseKind, Number(match[2]), {
    dataDir: DEFAULT_DATA_DIR,
    postgresUrl,
    fresh: false,
    log,
    jsonServer: match[3] === '+json',
    heavy: match[3] === '+heavy' ? Number(match[2]) : 0,
  });
  log(`${item}: ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
