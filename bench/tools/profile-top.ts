/**
 * Summarises a V8 CPU profile (from `npm run bench -- --profile`, or `node --cpu-prof`): the
 * functions with the most self time, and self time grouped by source file (node_modules
 * packages collapsed), so a profile can be read without a browser.
 *
 *   node --import tsx bench/tools/profile-top.ts <file.cpuprofile> [rows]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [rows] [from-µs] [to-µs]');
const rows = Number(process.argv[3] ?? 40);
// Optional window on the monotonic clock (process.hrtime, µs): only samples taken under load.
const from = Number(process.argv[4] ?? 0);
const to = Number(process.argv[5] ?? Infinity);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const selfTime = new Map<number, number>();
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  if (at < from || at > to) return;
  selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
});
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);

function where(url: string): string {
  if (url === '') return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1);
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\//, '');
}

const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
for (const node of profile.nodes) {
  const t = selfTime.get(node.id) ?? 0;
  if (t === 0) continue;
  const place = where(node.callFrame.url);
  const name = `${node.callFrame.functionName || '(anonymous)'}  ${place}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + t);
  byPlace.set(place, (byPlace.get(place) ?? 0) + t);
}

// Inclusive time: each sample counts once for every distinct function on its stack.
const inclusive = new Map<string, number>();
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}  ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const walk = (id: number, active: Map<string, number>): number => {
  const node = nodes.get(id)!;
  const key = label(node);
  const outer = !active.has(key);
  if (outer) active.set(key, 1);
  let t = selfTime.get(id) ?? 0;
  for (const child of node.children ?? []) t += walk(child, active);
  if (outer) {
    inclusive.set(key, (inclusive.get(key) ?? 0) + t);
    active.delete(key);
  }
  return t;
};
walk(profile.nodes[0]!.id, new Map());

const show = (title: string, map: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [name, t] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    process.stdout.write(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}\n`);
  }
};
process.stdout.write(`${(total / 1e6).toFixed(2)} s sampled\n`);
show('self time by function', byFunction);
show('self time by file or package', byPlace);
show('inclusive time by function', inclusive);
