/**
 * A snapshot's rows as bytes: JSON, gzipped. Every column value is a number, a string, null
 * or (bytea / blob columns) a Buffer; Buffers travel as `{"$bytes": base64}`, a shape no text
 * or number column can produce.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

/** Bumped when the layout below changes; a snapshot of another format is refused. */
export const SNAPSHOT_FORMAT = 1;

export type CellValue = string | number | null | Buffer;

export interface TableRows {
  columns: string[];
  rows: CellValue[][];
}

export interface SnapshotPayload {
  accountId: number;
  takenAt: number;
  /** Every snapshotted table of the account, empty ones included. */
  tables: Record<string, TableRows>;
}

export function encodeSnapshot(payload: SnapshotPayload): Buffer {
  const text = JSON.stringify(payload, function (this: unknown, _key, value: unknown) {
    // JSON.stringify hands replacers a Buffer's toJSON() form, so the Buffer is read from the holder.
    const holder = this as Record<string, unknown>;
    const raw = holder[_key];
    return Buffer.isBuffer(raw) ? { $bytes: raw.toString('base64') } : value;
  });
  return gzipSync(text);
}

export function decodeSnapshot(bytes: Buffer): SnapshotPayload {
  return JSON.parse(gunzipSync(bytes).toString('utf8'), (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const bytesValue = (value as { $bytes?: unknown }).$bytes;
      if (typeof bytesValue === 'string' && Object.keys(value).length === 1) return Buffer.from(bytesValue, 'base64');
    }
    return value;
  }) as SnapshotPayload;
}
