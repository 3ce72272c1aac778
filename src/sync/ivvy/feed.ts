/**
 * A change feed over an iVvy collection action with a modified-date filter
 * (`fromModifiedDate`, inclusive, one-second precision). iVvy pages by offset over a list
 * ordered by id, so the resume token is the offset reached plus the total seen: records that
 * start matching during the walk (modified meanwhile) can only push others later — seen
 * twice, harmless — while records that stop matching (deleted) pull later ones earlier, so
 * the offset steps back by as many as the total shrank.
 */
import { formatTimestamp } from '../../protocol/timestamp.js';
import type { ChangePage, SideRecord } from '../types.js';
import type { IvvyApi } from './api.js';

export interface CollectionPage<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}

/** Records re-read at the start of every page after the first. */
const REREAD = 3;

interface Position {
  start: number;
  total: number | null;
}

export interface OffsetFeedOptions<T> {
  api: IvvyApi;
  namespace: string;
  action: string;
  perPage: number;
  /** Filters the action adds to every page besides the modified-date one. */
  filter?: Record<string, unknown>;
  /**
   * The "changed at or after" filter for a timestamp: `fromModifiedDate` (contacts,
   * companies) by default; lists that document only their result fields take the generic
   * inclusive modifier instead (`modifiedDate__GREATERTHAN`, `sentTime__GREATERTHAN`).
   */
  since?: (timestamp: string) => Record<string, unknown>;
  /**
   * Maps a page to records. It may leave records out (an email to no contact) and may look
   * things up once per page (the CRM ids of related records, through the id map).
   */
  toRecords(raw: readonly T[]): SideRecord[] | Promise<SideRecord[]>;
}

export function ivvyTimestamp(ms: number): string {
  return formatTimestamp(Math.max(0, ms), false);
}

export function offsetFeed<T>(options: OffsetFeedOptions<T>) {
  const fetchPage = (start: number, filter: Record<string, unknown>) =>
    options.api.call<CollectionPage<T>>(options.namespace, options.action, { start, perPage: options.perPage, filter });

  return {
    async listChanges(since: number, resume: string | null): Promise<ChangePage> {
      const position: Position = resume ? (JSON.parse(resume) as Position) : { start: 0, total: null };
      const filter = { ...options.filter, ...(options.since ?? ((t: string) => ({ fromModifiedDate: t })))(ivvyTimestamp(since)) };
      // A few records are re-read on every page: a deletion before the offset masked by a
      // record joining after it leaves the total unchanged but still shifts the list.
      const reread = position.start > 0 ? Math.min(REREAD, options.perPage - 1) : 0;
      let start = Math.max(0, position.start - reread);
      let page = await fetchPage(start, filter);
      const total = page.meta.totalResults;
      if (position.total !== null && total < position.total) {
        start = Math.max(0, start - (position.total - total));
        page = await fetchPage(start, filter);
      }
      const records = await options.toRecords(page.results);
      const reached = start + page.results.length;
      const done = page.results.length === 0 || reached >= page.meta.totalResults;
      const remaining = Math.max(0, page.meta.totalResults - reached);
      return { records, next: done ? null : JSON.stringify({ start: reached, total: page.meta.totalResults } satisfies Position), remaining: done ? 0 : remaining };
    },
    /** Every record of the collection, page by page (deletion detection). */
    async *listAll(): AsyncIterable<T[]> {
      for (let start = 0; ; ) {
        const page = await fetchPage(start, { ...options.filter });
        if (page.results.length > 0) yield page.results;
        start += page.results.length;
        if (page.results.length === 0 || start >= page.meta.totalResults) return;
      }
    },
  };
}
