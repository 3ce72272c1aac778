/** The bench's verdicts on issue 7's and issue 21's targets, and the tables it prints (Markdown, so the README can show them as they are). */
import type { ScaleResult } from '../scenarios/scale.js';
import type { CaseId, CaseResult, ThroughputResults } from '../scenarios/throughput.js';

export interface TargetVerdict {
  target: string;
  measured: string;
  required: string;
  /** null when the run did not measure what the target needs. */
  pass: boolean | null;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (n: number) => `${fmt(n * 100, 1)}%`;

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

const ratio = (c: CaseResult) => c.result.requestsPerSecond / c.ceiling.requestsPerSecond;

function find(results: ThroughputResults | null, id: CaseId, database: 'sqlite' | 'postgres' | null, connections: number): CaseResult | undefined {
  return results?.cases.find((c) => c.id === id && c.database === database && c.connections === connections);
}

function throughputVerdicts(throughput: ThroughputResults | null): TargetVerdict[] {
  const out: TargetVerdict[] = [];
  const base = throughput?.connections[0] ?? 10;
  const ratioTarget = (id: CaseId, name: string, share: number, connections: number, issue: string) => {
    const c = find(throughput, id, 'sqlite', connections);
    out.push({
      target: `signed ${name} ≥ ${Math.round(share * 100)}% of the ceiling, ${connections} connections (${issue})`,
      measured: c ? `${pct(ratio(c))} (${fmt(c.result.requestsPerSecond)} of ${fmt(c.ceiling.requestsPerSecond)})` : 'not measured',
      required: `≥ ${Math.round(share * 100)}%`,
      pass: c ? ratio(c) >= share : null,
    });
  };
  ratioTarget('ping', 'test.ping', 0.55, base, 'issue 7');
  ratioTarget('getContact', 'getContact', 0.35, base, 'issue 7');
  ratioTarget('getContactList', 'getContactList (first page of 100)', 0.15, base, 'issue 7');
  ratioTarget('addOrUpdateContact', 'addOrUpdateContact', 0.15, base, 'issue 7');
  for (const [mine, theirs, name] of [
    ['getContact', 'jsonServerById', 'getContact vs json-server by id'],
    ['getContactList', 'jsonServerPage', 'getContactList vs json-server filtered page'],
  ] as const) {
    const a = find(throughput, mine, 'sqlite', base)?.result;
    const b = find(throughput, theirs, null, base)?.result;
    out.push({
      target: `${name}: ≥ 10× json-server's req/s (issue 7)`,
      measured: a && b ? `${fmt(a.requestsPerSecond / b.requestsPerSecond, 1)}×` : 'not measured',
      required: '≥ 10×',
      pass: a && b ? a.requestsPerSecond >= 10 * b.requestsPerSecond : null,
    });
  }
  const p99Target = (database: 'sqlite' | 'postgres', issue: string) => {
    const marquee = (throughput?.cases ?? []).filter((x) => x.database === database && x.connections === base);
    const worst = marquee.reduce<CaseResult | null>((w, x) => (w === null || x.result.p99 > w.result.p99 ? x : w), null);
    out.push({
      target: `p99 of every Marquee call on ${database === 'sqlite' ? 'SQLite' : 'PostgreSQL'} < 25 ms at ${base} connections (${issue})`,
      measured: worst ? `worst ${fmt(worst.result.p99, 2)} ms (${worst.label})` : 'not measured',
      required: '< 25 ms',
      pass: worst ? marquee.every((x) => x.result.p99 < 25) : null,
    });
  };
  p99Target('sqlite', 'issue 7');
  for (const connections of throughput?.connections ?? [10, 50]) {
    ratioTarget('ping', 'test.ping', 0.8, connections, 'issue 21');
    ratioTarget('getContact', 'getContact', 0.45, connections, 'issue 21');
    ratioTarget('getContactListDeep', 'getContactList, deep pages', 0.2, connections, 'issue 21');
    ratioTarget('addOrUpdateContact', 'addOrUpdateContact', 0.2, connections, 'issue 21');
    ratioTarget('getContactHeavy', 'getContact, heavy records', 0.25, connections, 'issue 21');
    ratioTarget('getContactListHeavy', 'getContactList, pages of heavy records', 0.1, connections, 'issue 21');
  }
  const busiest = (throughput?.cases ?? []).reduce<CaseResult | null>((w, x) => (w === null || x.result.loadCpuShare > w.result.loadCpuShare ? x : w), null);
  out.push({
    target: `the load generator (${throughput?.generator ?? '?'}) never the bottleneck: < 90% of its core in every case (issue 21)`,
    measured: busiest ? `busiest ${pct(busiest.result.loadCpuShare)} (${busiest.label}, ${busiest.connections} connections)` : 'not measured',
    required: '< 90%',
    pass: busiest ? busiest.result.loadCpuShare < 0.9 : null,
  });
  const pgGet = find(throughput, 'getContact', 'postgres', base);
  const sqliteGet = find(throughput, 'getContact', 'sqlite', base);
  const cpu = (c: CaseResult | undefined) => c?.result.serverCpuMicros ?? null;
  const pgCpu = cpu(pgGet);
  const sqliteCpu = cpu(sqliteGet);
  out.push({
    target: `getContact on PostgreSQL ≤ 2× SQLite's server CPU per request, backends counted (issue 21)`,
    measured: pgCpu !== null && sqliteCpu !== null ? `${fmt(pgCpu / sqliteCpu, 2)}× (${fmt(pgCpu)} vs ${fmt(sqliteCpu)} µs)` : 'not measured',
    required: '≤ 2×',
    pass: pgCpu !== null && sqliteCpu !== null ? pgCpu <= 2 * sqliteCpu : null,
  });
  const pgWrite = find(throughput, 'addOrUpdateContact', 'postgres', base);
  out.push({
    target: `addOrUpdateContact on PostgreSQL ≥ 1,500 req/s at ${base} connections (issue 21)`,
    measured: pgWrite ? `${fmt(pgWrite.result.requestsPerSecond)} req/s` : 'not measured',
    required: '≥ 1,500',
    pass: pgWrite ? pgWrite.result.requestsPerSecond >= 1500 : null,
  });
  p99Target('postgres', 'issue 21');
  return out;
}

export function verdicts(throughput: ThroughputResults | null, scale: ScaleResult[]): TargetVerdict[] {
  const out: TargetVerdict[] = throughputVerdicts(throughput);
  const sqlite = scale.filter((s) => s.kind === 'sqlite').sort((a, b) => a.contacts - b.contacts);
  const small = sqlite[0];
  const large = sqlite[sqlite.length - 1];
  if (small && large && large.contacts > small.contacts) {
    const sizeRatio = large.contacts / small.contacts;
    const timeRatio = large.export.seconds / small.export.seconds;
    out.push({
      target: `sequential export grows linearly (${fmt(large.contacts)} ≤ ${fmt(1.2 * sizeRatio, 1)}× the ${fmt(small.contacts)} export)`,
      measured: `${fmt(timeRatio, 2)}× (${fmt(large.export.seconds, 1)} s vs ${fmt(small.export.seconds, 2)} s)`,
      required: `≤ ${fmt(1.2 * sizeRatio, 1)}×`,
      pass: timeRatio <= 1.2 * sizeRatio,
    });
  } else {
    out.push({ target: 'sequential export grows linearly', measured: 'needs two SQLite sizes', required: '≤ 1.2 × size ratio', pass: null });
  }
  const biggest = [...scale].filter((s) => s.kind === 'sqlite').sort((a, b) => b.contacts - a.contacts)[0];
  if (biggest) {
    out.push({
      target: `marquee serve ready (readyz 200) < 1 s at ${fmt(biggest.contacts)} contacts (issue 21)`,
      measured: `${fmt(biggest.readySeconds, 3)} s from the spawn`,
      required: '< 1 s',
      pass: biggest.readySeconds < 1,
    });
    out.push({
      target: `resident set < 250 MB after a full export of ${fmt(biggest.contacts)} contacts (issue 21)`,
      measured: biggest.memory ? `${fmt(biggest.memory.rssMB, 0)} MB (peak ${fmt(biggest.memory.peakMB, 0)} MB)` : 'not measured',
      required: '< 250 MB',
      pass: biggest.memory ? biggest.memory.rssMB < 250 : null,
    });
  }
  if (scale.length > 0) {
    const over = scale.flatMap((s) => s.caches.filter((c) => (c.unit === 'bytes' ? (c.bytes ?? Infinity) : c.entries) > c.limit).map((c) => c.name));
    out.push({
      target: 'every cache within its stated bound after the exports (issue 21)',
      measured: over.length === 0 ? `${scale[0]?.caches.length ?? 0} caches, all within` : `over: ${over.join(', ')}`,
      required: 'entries or bytes ≤ bound',
      pass: over.length === 0 && scale.every((s) => s.caches.length > 0),
    });
  }
  if (large) {
    const fetch = large.incremental.p50;
    out.push({
      target: `fetch of the 100 contacts changed since a mark < 20 ms at ${fmt(large.contacts)} contacts`,
      measured: `${fmt(fetch, 1)} ms (median of separate cycles; slowest ${fmt(large.incremental.max, 1)})`,
      required: '< 20 ms',
      pass: fetch < 20,
    });
  }
  return out;
}

export function throughputTable(results: ThroughputResults): string {
  const rows = results.cases.map((c) => [
    c.database === null ? '–' : c.database === 'sqlite' ? 'SQLite' : 'PostgreSQL',
    String(c.connections),
    c.label,
    c.server,
    fmt(c.result.requestsPerSecond),
    fmt(c.result.p50, 2),
    fmt(c.result.p99, 2),
    fmt(c.ceiling.requestsPerSecond),
    pct(ratio(c)),
    c.result.serverCpuMicros === null ? '–' : `${fmt(c.result.serverCpuMicros)}${c.result.helperCpuMicros === null ? '' : ` (PG ${fmt(c.result.helperCpuMicros)})`}`,
    pct(c.result.loadCpuShare),
    c.result.errors === 0 && Object.entries(c.result.statuses).every(([s, n]) => n === 0 || s.startsWith('2'))
      ? 'ok'
      : `errors: ${JSON.stringify(c.result.statuses)} ${c.result.errors}`,
  ]);
  return table(
    ['Database', 'Conns', 'Call', 'Server', 'req/s', 'p50 ms', 'p99 ms', 'ceiling req/s', 'of ceiling', 'server CPU µs/req', 'load gen core', 'answers'],
    rows,
  );
}

export function scaleTable(results: ScaleResult[]): string {
  const cell = (t: { cold: number; p50: number }) => `${fmt(t.cold, 1)} / ${fmt(t.p50, 1)}`;
  const cycles = (t: { p50: number; max: number }) => `${fmt(t.p50, 1)} (max ${fmt(t.max, 1)})`;
  const rows = results.map((s) => [
    s.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL',
    fmt(s.contacts),
    ...s.pages.map(cell),
    fmt(s.export.seconds, 2),
    fmt(s.export.pageP50, 1),
    cycles(s.incremental),
    fmt(s.readySeconds, 3),
    s.memory ? `${fmt(s.memory.rssMB, 0)} (peak ${fmt(s.memory.peakMB, 0)})` : 'n/a',
  ]);
  return table(
    [
      'Database',
      'Contacts',
      'page at 0 ms',
      'page at 50% ms',
      'page at 90% ms',
      'full export s',
      'export page p50 ms',
      '100 changes since a mark ms',
      'ready s',
      'RSS after export MB',
    ],
    rows,
  );
}

/** Each cache after each scale run's export, against its bound. */
export function cacheTable(results: ScaleResult[]): string {
  const rows = results.flatMap((s) =>
    s.caches.map((c) => [
      `${s.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${fmt(s.contacts)}`,
      c.name,
      fmt(c.entries),
      c.bytes === null ? '' : fmt(c.bytes),
      `${fmt(c.limit)} ${c.unit}`,
      (c.unit === 'bytes' ? (c.bytes ?? Infinity) : c.entries) <= c.limit ? 'holds' : 'EXCEEDED',
    ]),
  );
  return table(['Run', 'Cache', 'entries', 'bytes', 'bound', ''], rows);
}

export function targetsTable(list: TargetVerdict[]): string {
  return table(
    ['Target', 'Measured', 'Result'],
    list.map((v) => [v.target, v.measured, v.pass === null ? 'not measured' : v.pass ? 'PASS' : 'FAIL']),
  );
}
