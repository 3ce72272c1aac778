/**
 * The iVvy writer of a two-way module whose records are saved with one addOrUpdate action
 * (contacts, companies): creates carry the CRM id as `externalId`, updates the iVvy id too,
 * and every answer says what iVvy now holds of the fields written.
 */
import type { Canonical, CreateInput, EntityWriter, UpdateInput, WriteResult } from '../types.js';
import type { IvvyWriter, WriteJob } from './writes.js';

export interface UpsertWriterSpec {
  writer: IvvyWriter;
  namespace: string;
  action: string;
  /** Why iVvy cannot create a record from these fields, or null when it can. */
  cannotCreate(fields: Canonical): string | null;
  /** The action's parameters for these fields, and the canonical fields iVvy holds after it. */
  params(fields: Canonical, creating: boolean, known: Canonical | null): Promise<{ params: Record<string, unknown>; held: Canonical }>;
  findBySourceIds: EntityWriter['findBySourceIds'];
}

interface Planned {
  job: WriteJob;
  sourceId: string;
  id: string | null;
  held: Canonical;
}

export function upsertWriter(spec: UpsertWriterSpec): EntityWriter {
  const apply = async (planned: readonly Planned[]): Promise<WriteResult[]> => {
    const outcomes = await spec.writer.run(planned.map((p) => p.job));
    return outcomes.map((o, i): WriteResult => {
      const p = planned[i]!;
      if (!o.ok) return { ok: false, sourceId: p.sourceId, id: p.id, error: o.error };
      const body = o.body as { id?: number; success?: boolean; message?: string };
      // An update may answer without the id it was given; a create must name the new record.
      if (body.success === false || (body.id === undefined && p.id === null)) {
        return { ok: false, sourceId: p.sourceId, id: p.id, error: `iVvy ${spec.namespace}.${spec.action}: ${body.message ?? 'not saved'}` };
      }
      return { ok: true, sourceId: p.sourceId, id: String(body.id ?? p.id), fields: p.held, modifiedAt: null };
    });
  };

  const plan = async (fields: Canonical, sourceId: string, id: string | null, known: Canonical | null): Promise<Planned> => {
    const { params, held } = await spec.params(fields, id === null, known);
    const job: WriteJob = {
      namespace: spec.namespace,
      action: spec.action,
      params: { ...(id === null ? {} : { id: Number(id) }), ...params, externalId: sourceId },
      // A repeated update is harmless; a repeated create is not (writes.ts retries it only when not processed).
      kind: id === null ? 'create' : 'idempotent',
    };
    return { job, sourceId, id, held };
  };

  return {
    async create(inputs: readonly CreateInput[]) {
      const refused: WriteResult[] = [];
      const planned: Planned[] = [];
      for (const input of inputs) {
        const why = spec.cannotCreate(input.fields);
        if (why !== null) refused.push({ ok: false, sourceId: input.sourceId, id: null, error: why });
        else planned.push(await plan(input.fields, input.sourceId, null, null));
      }
      return [...refused, ...(await apply(planned))];
    },
    async update(inputs: readonly UpdateInput[]) {
      const planned: Planned[] = [];
      for (const input of inputs) planned.push(await plan(input.fields, input.sourceId, input.id, input.known));
      return apply(planned);
    },
    findBySourceIds: spec.findBySourceIds,
  };
}
