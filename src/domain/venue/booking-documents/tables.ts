/**
 * Storage of booking documents and BEOs (Banquet Event Orders). Each version of a document or
 * BEO is a row; versions of one document share its number. The bytes of a version's file live
 * in `booking_files`, in the database itself (docs/decisions.md: any server of a fleet can
 * serve any file, and a version is written in the same transaction as its row).
 */
import type { Generated } from 'kysely';

export interface BookingFilesTable {
  id: Generated<number>;
  account_id: number;
  booking_id: number;
  /** The name the file is served under. */
  filename: string;
  content_type: string;
  byte_size: number;
  /** Hex MD5 of the bytes. */
  md5: string;
  bytes: Buffer;
  /** 32 random bytes (hex) keying the HMAC of the file's download links (links.ts). */
  link_key: string;
  created_at: number;
}

export interface BookingDocumentsTable {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  booking_id: number;
  /** Shared by the versions of one document, unique in the account. */
  document_number: number;
  version: number;
  /** get-booking-document-list.md, Type (uploads: 3 Quote, 4 Contract, 5 Other). */
  type: number;
  /** get-booking-document-list.md, Status. */
  status: number;
  can_be_deleted: number;
  template_name: string | null;
  file_id: number | null;
  created_by: number | null;
  created_at: number;
  modified_at: number;
}

export interface BookingBeosTable {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  booking_id: number;
  /** get-booking-beo-list.md, BEO Type: 3 Booking, 6 Session, 11 E-Booking, 12 E-Session. */
  beo_type: number;
  /** Shared by the versions of one BEO, unique in the account. */
  beo_number: number;
  version: number;
  version_note: string;
  template_name: string;
  /** get-booking-beo-list.md, Status (9 Finalised). */
  status: number;
  file_id: number | null;
  created_by: number | null;
  created_at: number;
}

declare module '../../../storage/schema.js' {
  interface Database {
    booking_files: BookingFilesTable;
    booking_documents: BookingDocumentsTable;
    booking_beos: BookingBeosTable;
  }
}
