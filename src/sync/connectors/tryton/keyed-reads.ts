/**
 * The reading half of a one-way Tryton entity: the records of one model that carry the sync's
 * key (a domain such as `reference like 'ivvy-registration:%'`), walked by id — changes since
 * a time, and every live id for reconciliation.
 */
import type { ChangePage, SideRecord } from '../../types.js';
import { toTrytonDateTime, type TrytonRpc } from './rpc.js';

const ID_PAGE = 200;

export interface KeyedModel<Row> {
  rpc: TrytonRpc;
  model: string;
  /** The Tryton domain clause selecting the records the sync made. */
  keyed: unknown[];
  fields: string[];
  pageSize: number;
  toRecord(row: Row): SideRecord;
}

export function keyedReads<Row>(m: KeyedModel<Row>) {
  return {
    async listChanges(since: number, resume: string | null): Promise<ChangePage> {
      const start = resume ? Number(resume) : 0;
      const t = toTrytonDateTime(since);
      const rows = await m.rpc.model<Row[]>(m.model, 'search_read', [
        [m.keyed, ['OR', ['write_date', '>=', t], ['create_date', '>=', t]]],
        start,
        m.pageSize,
        [['id', 'ASC']],
        m.fields,
      ]);
      return { records: rows.map(m.toRecord), next: rows.length < m.pageSize ? null : String(start + rows.length) };
    },
    async *listIds(): AsyncGenerator<string[]> {
      for (let offset = 0; ; offset += ID_PAGE) {
        const ids = await m.rpc.model<number[]>(m.model, 'search', [[m.keyed], offset, ID_PAGE, [['id', 'ASC']]]);
        if (ids.length > 0) yield ids.map(String);
        if (ids.length < ID_PAGE) return;
      }
    },
  };
}
