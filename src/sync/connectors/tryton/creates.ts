/**
 * Batched creates for the Tryton entities. Tryton validates a `create` call as a whole, so
 * one invalid record fails the others with it: the batch is tried once and, when Tryton
 * refuses it, each record is created alone so that only the invalid ones fail.
 */
import type { SideRecord, WriteResult } from '../../types.js';
import { TrytonError, type TrytonRpc } from './rpc.js';

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface Creation {
  /** iVvy id → id of the created Tryton record. */
  created: Map<string, number>;
  /** iVvy id → why Tryton refused the record. */
  failed: Map<string, string>;
}

export async function createEach(
  rpc: TrytonRpc,
  model: string,
  items: ReadonlyArray<{ sourceId: string; values: Record<string, unknown> }>,
): Promise<Creation> {
  const created = new Map<string, number>();
  const failed = new Map<string, string>();
  if (items.length === 0) return { created, failed };
  try {
    const ids = await rpc.model<number[]>(model, 'create', [items.map((i) => i.values)], 'create');
    items.forEach((item, i) => created.set(item.sourceId, ids[i]!));
  } catch (error) {
    if (!(error instanceof TrytonError)) throw error;
    for (const item of items) {
      try {
        const [id] = await rpc.model<number[]>(model, 'create', [[item.values]], 'create');
        created.set(item.sourceId, id!);
      } catch (inner) {
        if (!(inner instanceof TrytonError)) throw inner;
        failed.set(item.sourceId, errorText(inner));
      }
    }
  }
  return { created, failed };
}

/** The answer of a create for one input: the record as read back, or why there is none. */
export function createdResult(
  sourceId: string,
  { created, failed }: Creation,
  readBack: ReadonlyMap<string, Pick<SideRecord, 'id' | 'fields' | 'modifiedAt'>>,
): WriteResult {
  const id = created.get(sourceId);
  const record = id !== undefined ? readBack.get(String(id)) : undefined;
  if (!record) return { ok: false, sourceId, id: null, error: failed.get(sourceId) ?? 'not created' };
  return { ok: true, sourceId, id: record.id, fields: record.fields, modifiedAt: record.modifiedAt };
}
