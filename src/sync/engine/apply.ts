/**
 * Applies one page of changed records from one side: pairs them (id map, then the other
 * side's pairing key), decides per pair what to write where (merge.ts), writes in batches,
 * and records the new state of every pair. Creates are preceded by an intent row committed
 * before the create is sent, so that a run killed at any point never creates twice.
 */
import { fingerprint, pick } from '../fingerprint.js';
import { merge, type SideView } from '../merge.js';
import type { Link, LinkPatch } from '../store/links.js';
import {
  directionInto,
  otherSide,
  type Canonical,
  type CreateInput,
  type EntityWriter,
  type SideRecord,
  type Side,
  type UpdateInput,
  type WriteResult,
} from '../types.js';
import type { ModuleRun } from './context.js';
import { settleRefusals, standingForPairs, withoutClearingRefused, withoutRefused, type SettledWrite, type StandingRefusals } from './refusals.js';

interface PairPlan {
  record: SideRecord;
  link: Link;
  other: SideRecord | null;
  toSource: Canonical;
  toOther: Canonical;
  /** The source side's pairing key is missing or stale: update it even with no field. */
  fixSourceKey: boolean;
  conflict: { winner: Side; fields: string[] } | null;
}

const stateOf = (link: Link, side: Side) => (side === 'ivvy' ? link.ivvyState : link.crmState);
const fpOf = (link: Link, side: Side) => (side === 'ivvy' ? link.ivvyFp : link.crmFp);
const idOf = (link: Link, side: Side) => (side === 'ivvy' ? link.ivvyId : link.crmId);
const modifiedOf = (link: Link, side: Side) => (side === 'ivvy' ? link.ivvyModifiedAt : link.crmModifiedAt);

function sideOps(run: ModuleRun, side: Side) {
  return side === 'ivvy' ? run.ivvy : run.crm;
}

function writerOf(run: ModuleRun, side: Side): EntityWriter | undefined {
  return side === 'ivvy' ? run.ivvy.writer : run.crm;
}

/** The link columns holding one side's state. */
function sidePatch(side: Side, state: Canonical, fields: readonly string[], modifiedAt: number | null | undefined): LinkPatch {
  const projected = pick(state, fields);
  const fp = fingerprint(projected, fields);
  return side === 'ivvy'
    ? { ivvyState: projected, ivvyFp: fp, ivvyPendingFp: null, ...(modifiedAt !== undefined ? { ivvyModifiedAt: modifiedAt } : {}) }
    : { crmState: projected, crmFp: fp, crmPendingFp: null, ...(modifiedAt !== undefined ? { crmModifiedAt: modifiedAt } : {}) };
}

const pendingOf = (link: Link, side: Side) => (side === 'ivvy' ? link.ivvyPendingFp : link.crmPendingFp);

/**
 * The state a side is known to hold: the last synced one, unless the record is now exactly
 * what an update of ours (sent by a run that was killed before it could confirm it) would
 * have made it — then that update is what happened, not a user's change.
 */
function knownState(link: Link, side: Side, current: Canonical | null, fields: readonly string[]): Canonical | null {
  const pending = pendingOf(link, side);
  if (current !== null && pending !== null && fingerprint(current, fields) === pending) return current;
  return stateOf(link, side);
}

/** Records the fingerprint an update will leave on a side, before it is sent. */
function pendingPatch(side: Side, expected: Canonical, fields: readonly string[]): LinkPatch {
  const fp = fingerprint(pick(expected, fields), fields);
  return side === 'ivvy' ? { ivvyPendingFp: fp } : { crmPendingFp: fp };
}

const hasFields = (c: Canonical) => Object.keys(c).length > 0;

function resultError(r: WriteResult): string {
  return r.ok ? '' : r.error;
}

export async function applyPage(run: ModuleRun, source: Side, incoming: readonly SideRecord[]): Promise<void> {
  const target = otherSide(source);
  const { state, tally, fields } = run;
  const name = run.module.name;
  const forward = directionInto(target);
  const backward = directionInto(source);
  const now = run.now();

  // The same version of a record seen twice in one run (pages re-read) is handled once; a
  // newer version of it (another modified time) is not a duplicate.
  const records: SideRecord[] = [];
  // Records already handled in this run in another version (typically moved by the sync's
  // own write, such as its pairing key): when unchanged they are not counted again, so the
  // summary counts each record once per direction.
  const again = new Set<string>();
  for (const r of incoming) {
    const key = `${source}:${r.id}@${r.modifiedAt}`;
    if (run.seen.has(key)) continue;
    run.seen.add(key);
    if (run.seen.has(`${source}:${r.id}`)) again.add(r.id);
    run.seen.add(`${source}:${r.id}`);
    records.push(r);
  }
  if (records.length === 0) return;

  if (source === 'crm' && !run.module.twoWay) {
    tally.add(name, backward, 'skipped', records.length);
    return;
  }

  const links = await state.links.bySideIds(name, source, records.map((r) => r.id));

  // Pairing by the other side's key (iVvy externalId, the CRM's copy of the iVvy id) for
  // records the id map does not know yet: adopt the pair when that record exists.
  const unlinked = records.filter((r) => !links.has(r.id) || links.get(r.id)!.status === 'pending');
  const keyed = unlinked.filter((r) => r.pairedId !== null);
  if (keyed.length > 0) {
    const taken = await state.links.bySideIds(name, target, keyed.map((r) => r.pairedId!));
    const candidates = keyed.filter((r) => !taken.has(r.pairedId!));
    const existing = candidates.length > 0 ? await sideOps(run, target).get(candidates.map((r) => r.pairedId!)) : [];
    const found = new Map(existing.map((r) => [r.id, r]));
    for (const r of candidates) {
      const other = found.get(r.pairedId!);
      if (!other) continue;
      const pending = links.get(r.id);
      if (run.dryRun) {
        links.set(r.id, adoptedLink(source, r.id, other.id, now));
        continue;
      }
      if (pending) await state.links.remove(pending.id);
      const linkId = await state.links.insert(
        name,
        source === 'ivvy' ? { ivvyId: r.id, crmId: other.id } : { ivvyId: other.id, crmId: r.id },
        now,
      );
      links.set(r.id, { ...adoptedLink(source, r.id, other.id, now), id: linkId });
    }
  }

  // Current state of the other side for linked pairs: the CRM is read in one batch; iVvy is
  // read only for pairs never synced (adopted), otherwise its state stands for it (the iVvy
  // pass of this run already handled every iVvy change up to the run's start). The other
  // side is read only for records that changed: an unchanged record is only remembered as
  // seen (below), whatever the other side holds — its changes come through its own pass.
  // This matters at volume: records re-read because the sync's own pairing-key writes moved
  // them, or because of the overlap, cost no CRM call; and modules such as attendees re-read
  // every record of an event on every run, most of them unchanged.
  const sourceWrites = writerOf(run, source) !== undefined;
  const unchanged = (r: SideRecord, link: Link) => {
    const fp = fingerprint(pick(r.fields, fields), fields);
    return (!sourceWrites || r.pairedId === idOf(link, target)) && (fp === fpOf(link, source) || fp === pendingOf(link, source));
  };
  const linked = records.filter((r) => links.get(r.id)?.status === 'active');
  const needOther = new Set(
    linked.filter((r) => {
      const link = links.get(r.id)!;
      if (unchanged(r, link)) return false;
      return target === 'crm' || stateOf(link, target) === null;
    }),
  );
  const otherIds = [...needOther].map((r) => idOf(links.get(r.id)!, target)!);
  const others = new Map((otherIds.length > 0 ? await sideOps(run, target).get(otherIds) : []).map((o) => [o.id, o]));

  const creates: SideRecord[] = [];
  const gone: Link[] = [];
  const plans: PairPlan[] = [];
  const quiet: Array<{ link: Link; record: SideRecord; confirmed: boolean }> = [];

  for (const r of records) {
    const link = links.get(r.id);
    if (!link || link.status === 'pending') {
      if (fields.every((f) => (r.fields[f] ?? null) === null)) {
        tally.add(name, forward, 'skipped');
        continue;
      }
      creates.push(r);
      continue;
    }
    if (link.status !== 'active') {
      // One side was deleted: the survivor is no longer synced (see reconcile.ts).
      tally.add(name, forward, 'skipped');
      continue;
    }
    const otherId = idOf(link, target)!;
    const other = others.get(otherId) ?? null;
    if (other === null && needOther.has(r)) {
      if (!run.module.twoWay && !run.dryRun) {
        // Deleted in the CRM, as reconciliation would find: the pair is closed, and the
        // iVvy record (the source of truth of a one-way module) is not pushed back.
        gone.push(link);
      }
      // Otherwise the next reconciliation applies the deletion rules.
      tally.add(name, forward, 'skipped');
      continue;
    }
    const current = pick(r.fields, fields);
    const fixSourceKey = sourceWrites && r.pairedId !== otherId;
    const currentFp = fingerprint(current, fields);
    if (!fixSourceKey && (currentFp === fpOf(link, source) || currentFp === pendingOf(link, source))) {
      quiet.push({ link, record: r, confirmed: currentFp !== fpOf(link, source) });
      continue;
    }
    const otherCurrent = other ? pick(other.fields, fields) : null;
    const sourceView: SideView = { current, state: knownState(link, source, current, fields), modifiedAt: r.modifiedAt };
    const otherView: SideView = {
      current: otherCurrent,
      state: knownState(link, target, otherCurrent, fields),
      modifiedAt: other?.modifiedAt ?? modifiedOf(link, target),
    };
    const m =
      source === 'ivvy' ? merge(fields, sourceView, otherView, run.policy) : merge(fields, otherView, sourceView, run.policy);
    plans.push({
      record: r,
      link,
      other,
      toSource: source === 'ivvy' ? m.toIvvy : m.toCrm,
      toOther: source === 'ivvy' ? m.toCrm : m.toIvvy,
      fixSourceKey,
      conflict: m.conflict,
    });
  }

  // Values a target refused before are not sent again while unchanged, and a system's lack of
  // a value the other refused does not clear it there (engine/refusals.ts).
  const standing = await standingForPairs(run, [
    ...plans.map((p) => ({ ivvyId: p.link.ivvyId, crmId: p.link.crmId })),
    ...creates.map((r) => (source === 'ivvy' ? { ivvyId: r.id, crmId: null } : { ivvyId: null, crmId: r.id })),
  ]);
  for (const p of plans) {
    const refusedByCrm = p.link.ivvyId !== null ? standing.toCrm.get(p.link.ivvyId) : undefined;
    const refusedByIvvy = p.link.crmId !== null ? standing.toIvvy.get(p.link.crmId) : undefined;
    const [toCrm, toIvvy] = source === 'ivvy' ? [p.toOther, p.toSource] : [p.toSource, p.toOther];
    const crmWrite = withoutClearingRefused(withoutRefused(toCrm, refusedByCrm), refusedByIvvy);
    const ivvyWrite = withoutClearingRefused(withoutRefused(toIvvy, refusedByIvvy), refusedByCrm);
    p.toOther = source === 'ivvy' ? crmWrite : ivvyWrite;
    p.toSource = source === 'ivvy' ? ivvyWrite : crmWrite;
  }

  if (run.dryRun) {
    tally.add(name, forward, 'created', creates.length);
    for (const p of plans) {
      if (p.conflict) tally.add(name, directionInto(otherSide(p.conflict.winner)), 'conflicts');
      if (hasFields(p.toOther)) tally.add(name, forward, 'updated');
      if (hasFields(p.toSource)) tally.add(name, backward, 'updated');
      if (!hasFields(p.toOther) && !hasFields(p.toSource)) tally.add(name, forward, 'skipped');
    }
    tally.add(name, forward, 'skipped', quiet.filter((q) => !again.has(q.record.id)).length);
    return;
  }

  const patches = new Map<number, LinkPatch>();
  const patch = (linkId: number, p: LinkPatch) => patches.set(linkId, { ...patches.get(linkId), ...p });
  const succeeded: string[] = [];
  for (const link of gone) patch(link.id, { status: 'deleted-crm' });

  // Unchanged records: only remember the modified time we saw (and, for a record that
  // carries an update of ours a killed run could not confirm, that state).
  for (const { link, record, confirmed } of quiet) {
    patch(
      link.id,
      confirmed
        ? sidePatch(source, record.fields, fields, record.modifiedAt)
        : source === 'ivvy'
          ? { ivvyModifiedAt: record.modifiedAt }
          : { crmModifiedAt: record.modifiedAt },
    );
    if (!again.has(record.id)) tally.add(name, forward, 'skipped');
    succeeded.push(record.id);
  }

  await createOnOther(run, source, creates, now, standing[forward]);

  // Write-ahead: what each update will leave behind is recorded before it is sent.
  const ahead = new Map<number, LinkPatch>();
  for (const p of plans) {
    const otherKnown = p.other ? pick(p.other.fields, fields) : (stateOf(p.link, target) ?? {});
    let entry: LinkPatch = {};
    if (hasFields(p.toOther)) entry = { ...entry, ...pendingPatch(target, { ...otherKnown, ...p.toOther }, fields) };
    if (hasFields(p.toSource)) entry = { ...entry, ...pendingPatch(source, { ...pick(p.record.fields, fields), ...p.toSource }, fields) };
    if (Object.keys(entry).length > 0) ahead.set(p.link.id, entry);
  }
  await state.links.updateMany(ahead, now);

  // Updates on the other side, then on the source side (conflict losers, owned fields,
  // pairing keys), each as one batch.
  const otherUpdates = plans.filter((p) => hasFields(p.toOther));
  const otherResults = await writeUpdates(
    writerOf(run, target)!,
    otherUpdates.map((p) => ({
      id: idOf(p.link, target)!,
      fields: p.toOther,
      known: p.other ? pick(p.other.fields, fields) : stateOf(p.link, target),
      sourceId: p.record.id,
    })),
  );
  const sourceUpdates = plans.filter((p) => hasFields(p.toSource) || p.fixSourceKey);
  const sourceWriter = writerOf(run, source);
  const sourceResults = sourceWriter
    ? await writeUpdates(
        sourceWriter,
        sourceUpdates.map((p) => ({ id: p.record.id, fields: p.toSource, known: pick(p.record.fields, fields), sourceId: idOf(p.link, target)! })),
      )
    : new Map<string, WriteResult>();

  const settledForward: SettledWrite[] = [];
  const settledBackward: SettledWrite[] = [];
  for (const p of plans) {
    const otherId = idOf(p.link, target)!;
    const otherResult = otherResults.get(otherId);
    const sourceResult = sourceResults.get(p.record.id);
    if (otherResult) settledForward.push({ sourceId: p.record.id, targetId: otherId, sent: p.toOther, result: otherResult });
    if (sourceResult && hasFields(p.toSource)) settledBackward.push({ sourceId: otherId, targetId: p.record.id, sent: p.toSource, result: sourceResult });
    const failed = [otherResult, sourceResult].filter((r): r is WriteResult => r !== undefined && !r.ok);
    if (failed.length > 0) {
      for (const f of failed) tally.error(name, f === otherResult ? forward : backward, p.record.id, resultError(f));
      await state.retries.add(name, source, p.record.id, failed.map(resultError).join('; '), now);
      continue;
    }
    if (p.conflict) {
      tally.add(name, directionInto(otherSide(p.conflict.winner)), 'conflicts');
      await state.conflicts.record({
        module: name,
        runId: run.runId,
        ivvyId: p.link.ivvyId,
        crmId: p.link.crmId,
        winner: p.conflict.winner,
        fields: p.conflict.fields,
        ivvyValues: pick(source === 'ivvy' ? p.record.fields : (p.other?.fields ?? p.link.ivvyState ?? {}), p.conflict.fields),
        crmValues: pick(source === 'crm' ? p.record.fields : (p.other?.fields ?? p.link.crmState ?? {}), p.conflict.fields),
        ivvyModifiedAt: source === 'ivvy' ? p.record.modifiedAt : (p.other?.modifiedAt ?? p.link.ivvyModifiedAt),
        crmModifiedAt: source === 'crm' ? p.record.modifiedAt : (p.other?.modifiedAt ?? p.link.crmModifiedAt),
        createdAt: now,
      });
    }
    const sourceState = { ...pick(p.record.fields, fields), ...(sourceResult?.ok ? sourceResult.fields : {}) };
    patch(p.link.id, sidePatch(source, sourceState, fields, sourceResult?.ok && sourceResult.modifiedAt !== null ? sourceResult.modifiedAt : p.record.modifiedAt));
    const otherKnown = p.other ? pick(p.other.fields, fields) : (stateOf(p.link, target) ?? {});
    const otherState = { ...otherKnown, ...(otherResult?.ok ? otherResult.fields : {}) };
    const otherModified = otherResult?.ok ? otherResult.modifiedAt ?? p.other?.modifiedAt : p.other?.modifiedAt;
    patch(p.link.id, sidePatch(target, otherState, fields, otherModified ?? modifiedOf(p.link, target)));
    if (otherResult) tally.add(name, forward, 'updated');
    if (sourceResult && hasFields(p.toSource)) tally.add(name, backward, 'updated');
    if (!otherResult && !(sourceResult && hasFields(p.toSource))) tally.add(name, forward, 'skipped');
    succeeded.push(p.record.id);
  }

  await state.links.updateMany(patches, now);
  if (succeeded.length > 0) await state.retries.clear(name, source, succeeded);
  await settleRefusals(run, forward, settledForward, standing);
  await settleRefusals(run, backward, settledBackward, standing);
}

function adoptedLink(source: Side, sourceId: string, otherId: string, now: number): Link {
  return {
    id: -1,
    ivvyId: source === 'ivvy' ? sourceId : otherId,
    crmId: source === 'crm' ? sourceId : otherId,
    status: 'active',
    ivvyFp: null,
    crmFp: null,
    ivvyPendingFp: null,
    crmPendingFp: null,
    ivvyState: null,
    crmState: null,
    ivvyModifiedAt: null,
    crmModifiedAt: null,
    createdAt: now,
  };
}

async function writeUpdates(writer: EntityWriter, inputs: UpdateInput[]): Promise<Map<string, WriteResult>> {
  const out = new Map<string, WriteResult>();
  if (inputs.length === 0) return out;
  const results = await writer.update(inputs);
  results.forEach((r, i) => out.set(inputs[i]!.id, r));
  return out;
}

/** Creates the records on the other side, each behind an intent row. */
async function createOnOther(run: ModuleRun, source: Side, records: readonly SideRecord[], now: number, refused: StandingRefusals): Promise<void> {
  if (records.length === 0) return;
  const target = otherSide(source);
  const name = run.module.name;
  const forward = directionInto(target);
  const writer = writerOf(run, target);
  if (!writer) return;

  const existing = await run.state.links.bySideIds(name, source, records.map((r) => r.id));
  const intents = new Map<string, number>();
  for (const r of records) {
    const pending = existing.get(r.id);
    if (pending?.status === 'pending') intents.set(r.id, pending.id);
  }
  const fresh = await run.state.links.createIntents(name, source, records.filter((r) => !intents.has(r.id)).map((r) => r.id), now);
  for (const [id, linkId] of fresh) intents.set(id, linkId);
  const inputs: CreateInput[] = records.map((r) => ({ sourceId: r.id, fields: withoutRefused(pick(r.fields, run.fields), refused.get(r.id)) }));
  const results = await writer.create(inputs);
  const bySource = new Map(results.map((r) => [r.sourceId, r]));
  // A target that answers with a record already paired to another one (a CRM that merges
  // duplicates on its own) must not steal that pair.
  const createdIds = results.filter((r) => r.ok).map((r) => r.id!);
  const alreadyPaired = await run.state.links.bySideIds(name, target, createdIds);
  const patches = new Map<number, LinkPatch>();
  for (const r of records) {
    const linkId = intents.get(r.id)!;
    let result = bySource.get(r.id);
    if (result?.ok && alreadyPaired.has(result.id)) {
      result = { ok: false, sourceId: r.id, id: result.id, error: `the ${target} record ${result.id} it resolved to is already paired with another record` };
    }
    if (!result || !result.ok) {
      // The intent stays: the next run looks for the record before creating it again.
      const message = result ? resultError(result) : 'no result for this record';
      run.tally.error(name, forward, r.id, message);
      await run.state.retries.add(name, source, r.id, message, now);
      continue;
    }
    const sourceState = pick(r.fields, run.fields);
    const targetState = { ...Object.fromEntries(run.fields.map((f) => [f, null])), ...result.fields };
    patches.set(linkId, {
      ...(source === 'ivvy' ? { crmId: result.id } : { ivvyId: result.id }),
      status: 'active',
      ...sidePatch(source, sourceState, run.fields, r.modifiedAt),
      ...sidePatch(target, targetState, run.fields, result.modifiedAt),
    });
    run.tally.add(name, forward, 'created');
  }
  await run.state.links.updateMany(patches, now);
  const done = records.filter((r) => patches.has(intents.get(r.id)!));
  if (done.length > 0) await run.state.retries.clear(name, source, done.map((r) => r.id));
  const sent = new Map(inputs.map((i) => [i.sourceId, i.fields]));
  await settleRefusals(
    run,
    forward,
    done.map((r) => ({ sourceId: r.id, targetId: (bySource.get(r.id) as { id: string }).id, sent: sent.get(r.id)!, result: bySource.get(r.id)! })),
    source === 'ivvy' ? { toCrm: refused, toIvvy: new Map() } : { toCrm: new Map(), toIvvy: refused },
  );

  // The source record learns its new counterpart (iVvy's externalId, the CRM's iVvy id), so
  // the pair is found again from either side, whatever happens to the id map.
  const sourceWriter = writerOf(run, source);
  if (!sourceWriter || done.length === 0) return;
  const keyed = done.map((r) => ({ id: r.id, fields: {}, known: pick(r.fields, run.fields), sourceId: (bySource.get(r.id) as { id: string }).id }));
  const keyResults = await sourceWriter.update(keyed);
  keyResults.forEach((result, i) => {
    if (!result.ok) run.tally.error(name, directionInto(source), keyed[i]!.id, `pairing key not written: ${result.error}`);
  });
  for (const [i, result] of keyResults.entries()) {
    if (!result.ok) await run.state.retries.add(name, source, keyed[i]!.id, result.error, now);
  }
}
