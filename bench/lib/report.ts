/** The bench's verdicts on issue 7's targets, and the tables it prints (Markdown, so the README can show them as they are). */
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

function byId(results: ThroughputResults | null): Partial<Record<CaseId, CaseResult>> {
  return Object.fromEntries((results?.cases ?? []).map((c) => [c.id, c]));
}

/** The ceiling the ratios use: the higher of the two ceiling runs, so drift never flatters Marquee. */
export function ceilingOf(results: ThroughputResults | null): number | null {
  const c = byId(results);
  const runs = [c.ceiling, c.ceilingAgain].filter((x): x is CaseResult => x !== undefined).map((x) => x.result.requestsPerSecond);
  return runs.length > 0 ? Math.max(...runs) : null;
}

export function verdicts(throughput: ThroughputResults | null, scale: ScaleResult[]): TargetVerdict[] {
  const out: TargetVerdict[] = [];
  const c = byId(throughput);
  const ceiling = ceilingOf(throughput);
  const ratioTarget = (id: CaseId, name: string, share: number) => {
    const r = c[id]?.result;
    out.push({
      target: `signed ${name} ≥ ${Math.round(share * 100)}% of the ceiling's req/s`,
      measured: r && ceiling ? `${pct(r.requestsPerSecond / ceiling)} (${fmt(r.requestsPerSecond)} of ${fmt(ceiling)})` : 'not measured',
      required: `≥ ${Math.round(share * 100)}%`,
      pass: r && ceiling ? r.requestsPerSecond >= share * ceiling : null,
    });
  };
  ratioTarget('ping', 'test.ping', 0.55);
  ratioTarget('getContact', 'getContact', 0.35);
  ratioTarget('getContactList', 'getContactList (page of 100)', 0.15);
  ratioTarget('addOrUpdateContact', 'addOrUpdateContact', 0.15);
  for (const [mine, theirs, name] of [
    ['getContact', 'jsonServerById', 'getContact vs json-server by id'],
    ['getContactList', 'jsonServerPage', 'getContactList vs json-server filtered page'],
  ] as const) {
    const a = c[mine]?.result;
    const b = c[theirs]?.result;
    out.push({
      target: `${name}: ≥ 10× json-server's req/s`,
      measured: a && b ? `${fmt(a.requestsPerSecond / b.requestsPerSecond, 1)}×` : 'not measured',
      required: '≥ 10×',
      pass: a && b ? a.requestsPerSecond >= 10 * b.requestsPerSecond : null,
    });
  }
  const marquee = (throughput?.cases ?? []).filter((x) => x.server === 'Marquee');
  const worst = marquee.reduce<CaseResult | null>((w, x) => (w === null || x.result.p99 > w.result.p99 ? x : w), null);
  out.push({
    target: 'p99 of every Marquee call < 25 ms at the measured throughput',
    measured: worst ? `worst ${fmt(worst.result.p99, 2)} ms (${worst.label})` : 'not measured',
    required: '< 25 ms',
    pass: worst ? marquee.every((x) => x.result.p99 < 25) : null,
  });
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
  const ceiling = ceilingOf(results);
  const rows = results.cases.map((c) => [
    c.label,
    c.server,
    fmt(c.result.requestsPerSecond),
    fmt(c.result.p50, 2),
    fmt(c.result.p99, 2),
    ceiling ? pct(c.result.requestsPerSecond / ceiling) : '–',
    c.result.serverCpuMicros === null ? '–' : fmt(c.result.serverCpuMicros),
    Object.entries(c.result.statuses).every(([s]) => s.startsWith('2')) && c.result.errors === 0
      ? 'ok'
      : `errors: ${JSON.stringify(c.result.statuses)} ${c.result.errors}`,
  ]);
  return table(['Call', 'Server', 'req/s', 'p50 ms', 'p99 ms', 'of ceiling', 'server CPU µs/req', 'answers'], rows);
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
