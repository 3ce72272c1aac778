/**
 * The update half of the task and activity upserts (crm-endpoint.md): the requested columns are
 * written, and only when what the list shows of the record changed does its modifiedDate move
 * and the `…Updated` change get recorded, with data and previousData. An update that changes
 * nothing records nothing and keeps modifiedDate.
 */
import type { Subject } from '../../outbox/subjects.js';
import type { ActionContext } from '../../registry/context.js';

export interface RecordedUpdate<Row> {
  before: Row;
  /** Writes the requested columns. */
  write(): Promise<unknown>;
  /** Sets modified_at to ctx.now. */
  touch(): Promise<unknown>;
  reload(): Promise<Row>;
  /** What the list shows of a row, without its modifiedDate, as comparable text. */
  content(row: Row): string;
  shape(row: Row): Record<string, unknown>;
  subject: Subject;
}

export async function updateRecorded<Row extends { modified_at: number }>(ctx: ActionContext, u: RecordedUpdate<Row>): Promise<void> {
  await u.write();
  const after = await u.reload();
  if (u.content(after) === u.content(u.before)) return;
  await u.touch();
  await ctx.recordChange(u.subject, { data: u.shape({ ...after, modified_at: ctx.now }), previousData: u.shape(u.before) });
}
