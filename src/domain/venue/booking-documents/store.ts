/**
 * Storing document and BEO versions and their files. A version is numbered under the
 * account-wide lock of its kind (storage/natural-key-lock.ts), so two uploads at once never
 * take the same number or version.
 */
import type { Selectable } from 'kysely';
import { md5Hex } from '../../../protocol/signing.js';
import type { ActionContext } from '../../../registry/context.js';
import { lockNaturalKey } from '../../../storage/natural-key-lock.js';
import type { Scope } from '../../../storage/scope.js';
import { fileLink, newLinkKey } from './links.js';
import type { BookingBeosTable, BookingDocumentsTable, BookingFilesTable } from './tables.js';

export type DocumentRow = Selectable<BookingDocumentsTable>;
export type BeoRow = Selectable<BookingBeosTable>;
/** What a listing needs of a file: never its bytes. */
export type FileMeta = Pick<Selectable<BookingFilesTable>, 'id' | 'filename' | 'link_key'>;

export interface NewFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** Stores a file's bytes for a booking; returns its id. */
export async function storeFile(ctx: ActionContext, bookingId: number, file: NewFile): Promise<number> {
  const row = await ctx.store
    .insertInto('booking_files', {
      booking_id: bookingId,
      filename: file.filename,
      content_type: file.contentType,
      byte_size: file.bytes.length,
      md5: md5Hex(file.bytes),
      bytes: file.bytes,
      link_key: newLinkKey(),
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The number and version the next version takes: of `number` when given (null if it has none), else a new number. */
export async function nextDocumentVersion(store: Scope, number: number | undefined, bookingId: number): Promise<{ number: number; version: number } | null> {
  await lockNaturalKey(store, 'booking-document-number');
  if (number !== undefined) {
    const last = await store
      .selectFrom('booking_documents')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('document_number', '=', number)
      .where('booking_id', '=', bookingId)
      .executeTakeFirst();
    return last?.version == null ? null : { number, version: Number(last.version) + 1 };
  }
  const top = await store.selectFrom('booking_documents').select((eb) => eb.fn.max('document_number').as('n')).executeTakeFirst();
  return { number: Number(top?.n ?? 0) + 1, version: 1 };
}

/** As nextDocumentVersion, for BEOs. */
export async function nextBeoVersion(store: Scope, number: number | undefined, bookingId: number): Promise<{ number: number; version: number } | null> {
  await lockNaturalKey(store, 'booking-beo-number');
  if (number !== undefined) {
    const last = await store
      .selectFrom('booking_beos')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('beo_number', '=', number)
      .where('booking_id', '=', bookingId)
      .executeTakeFirst();
    return last?.version == null ? null : { number, version: Number(last.version) + 1 };
  }
  const top = await store.selectFrom('booking_beos').select((eb) => eb.fn.max('beo_number').as('n')).executeTakeFirst();
  return { number: Number(top?.n ?? 0) + 1, version: 1 };
}

/** The listed files of some rows, by id (without their bytes). */
export async function filesOf(store: Scope, ids: ReadonlyArray<number | null>): Promise<Map<number, FileMeta>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await store.selectFrom('booking_files').select(['id', 'filename', 'link_key']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The `file` object of a listed version: a working download link, or null without a file. */
export function fileShape(ctx: Pick<ActionContext, 'publicUrl' | 'now'>, file: FileMeta | undefined) {
  return file ? { ...fileLink(ctx.publicUrl, file, ctx.now), filename: file.filename } : null;
}
