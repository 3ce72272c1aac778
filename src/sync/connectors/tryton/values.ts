/**
 * Tryton's JSON-RPC encodings of the values the one-way entities carry: dates
 * (`{"__class__": "date"}`), decimals (`{"__class__": "Decimal"}`) and binary data
 * (`{"__class__": "bytes", "base64": …}`). Datetimes are in rpc.ts.
 */
import { fromTrytonDateTime } from './rpc.js';

export interface TrytonDate {
  __class__: 'date';
  year: number;
  month: number;
  day: number;
}

/** yyyy-mm-dd → a Tryton date. */
export function toTrytonDate(text: string): TrytonDate {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return { __class__: 'date', year, month, day };
}

export function fromTrytonDate(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Partial<TrytonDate>;
  if (v.__class__ !== 'date' || v.year === undefined) return null;
  return `${String(v.year).padStart(4, '0')}-${String(v.month).padStart(2, '0')}-${String(v.day).padStart(2, '0')}`;
}

export function toDecimal(text: string): { __class__: 'Decimal'; decimal: string } {
  return { __class__: 'Decimal', decimal: text };
}

/** A Tryton Decimal (or number) as canonical money text with two decimals. */
export function fromDecimal(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const raw = typeof value === 'object' ? (value as { decimal?: unknown }).decimal : value;
  const n = Number(raw);
  return Number.isFinite(n) ? n.toFixed(2) : null;
}

export function toBytes(text: string): { __class__: 'bytes'; base64: string } {
  return { __class__: 'bytes', base64: Buffer.from(text, 'utf8').toString('base64') };
}

export function fromBytes(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  const base64 = (value as { base64?: unknown }).base64;
  return typeof base64 === 'string' ? Buffer.from(base64, 'base64').toString('utf8') : null;
}

/** The last change of a Tryton record (write_date, else create_date), epoch ms. */
export function changedAt(row: { write_date?: unknown; create_date?: unknown }): number {
  return fromTrytonDateTime(row.write_date) ?? fromTrytonDateTime(row.create_date) ?? 0;
}
