/**
 * In-process nudges for the background workers: an action that just queued work (a batch, a
 * subscription confirmation) wakes the local worker instead of leaving it to the next poll.
 * The nudge is delayed a little because the action's transaction commits after the handler
 * returns; a worker that still finds nothing simply picks the work up on its next poll.
 */
export type WakeTopic = 'batches' | 'notifications';

const COMMIT_GRACE_MS = 20;
const listeners = new Map<WakeTopic, Set<() => void>>();

export function onWake(topic: WakeTopic, listener: () => void): () => void {
  const set = listeners.get(topic) ?? new Set();
  set.add(listener);
  listeners.set(topic, set);
  return () => set.delete(listener);
}

export function wake(topic: WakeTopic): void {
  const set = listeners.get(topic);
  if (!set || set.size === 0) return;
  setTimeout(() => {
    for (const listener of set) listener();
  }, COMMIT_GRACE_MS).unref?.();
}
