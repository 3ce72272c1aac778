/**
 * Creates left in flight by a killed run. Each has an intent row (the source id, no target
 * id). The target is asked for records created from those source ids since the intent was
 * written: a found record completes the pair (its state read from both sides); an intent
 * with no record behind it is dropped, and the source record, still inside the uncommitted
 * window, is created by this run's pass as usual.
 */
import { changedFields, fingerprint, pick } from '../fingerprint.js';
import type { Link } from '../store/links.js';
import type { Side } from '../types.js';
import type { ModuleRun } from './context.js';

export async function recoverIntents(run: ModuleRun): Promise<number> {
  if (run.dryRun) return 0;
  const name = run.module.name;
  const pending = await run.state.links.pending(name);
  if (pending.length === 0) return 0;
  let recovered = 0;
  for (const source of ['ivvy', 'crm'] as const) {
    const target: Side = source === 'ivvy' ? 'crm' : 'ivvy';
    const intents = pending.filter((l) => (source === 'ivvy' ? l.ivvyId !== null && l.crmId === null : l.crmId !== null && l.ivvyId === null));
    if (intents.length === 0) continue;
    const writer = target === 'ivvy' ? run.ivvy.writer : run.crm;
    if (!writer) {
      for (const l of intents) await run.state.links.remove(l.id);
      continue;
    }
    const sourceIds = intents.map((l) => (source === 'ivvy' ? l.ivvyId! : l.crmId!));
    const since = Math.min(...intents.map((l) => l.createdAt)) - run.overlapMs;
    const found = await writer.findBySourceIds(sourceIds, since);
    const taken = await run.state.links.bySideIds(name, target, [...found.values()]);
    for (const link of intents) {
      const sourceId = source === 'ivvy' ? link.ivvyId! : link.crmId!;
      const targetId = found.get(sourceId);
      if (targetId === undefined || taken.has(targetId)) {
        await run.state.links.remove(link.id);
        continue;
      }
      await completeLink(run, link, source, sourceId, targetId);
      recovered++;
    }
  }
  run.progress({ module: name, phase: 'recover', side: null, processed: recovered });
  return recovered;
}

async function completeLink(run: ModuleRun, link: Link, source: Side, sourceId: string, targetId: string): Promise<void> {
  const ivvyId = source === 'ivvy' ? sourceId : targetId;
  const crmId = source === 'crm' ? sourceId : targetId;
  const [ivvyRecord] = await run.ivvy.get([ivvyId]);
  const [crmRecord] = await run.crm.get([crmId]);
  const fields = run.fields;
  let ivvyState = ivvyRecord ? pick(ivvyRecord.fields, fields) : null;
  let crmState = crmRecord ? pick(crmRecord.fields, fields) : null;
  // A field the target does not hold as the source does (a value it refused and the create
  // left out) stays a change of the source: this run's pass, which reads the source record
  // again, sends it and reports the refusal, rather than the pair settling silently apart.
  if (ivvyState && crmState) {
    const held = source === 'ivvy' ? crmState : ivvyState;
    const sent = source === 'ivvy' ? ivvyState : crmState;
    const asHeld = { ...sent, ...Object.fromEntries(changedFields(held, sent, fields).map((f) => [f, held[f] ?? null])) };
    if (source === 'ivvy') ivvyState = asHeld;
    else crmState = asHeld;
  }
  await run.state.links.update(
    link.id,
    {
      ivvyId,
      crmId,
      status: 'active',
      ivvyState,
      crmState,
      ivvyFp: ivvyState ? fingerprint(ivvyState, fields) : null,
      crmFp: crmState ? fingerprint(crmState, fields) : null,
      ivvyModifiedAt: ivvyRecord?.modifiedAt ?? null,
      crmModifiedAt: crmRecord?.modifiedAt ?? null,
    },
    run.now(),
  );
}
