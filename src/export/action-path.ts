/**
 * How an action is addressed in the exports. iVvy names the action in the query string of one
 * URL per namespace (`POST /api/1.0/contact?action=getContact`), while OpenAPI keys operations
 * by path and method only. The OpenAPI export keys each action by its whole request URI (path
 * and query): validators accept it (a path key only has to start with `/`), Postman and
 * code generators that import it call exactly the URL iVvy expects, and the namespace and
 * action are repeated in `x-ivvy-*` fields for tools that want them (docs/export.md).
 */
import { API_VERSION } from '../protocol/signing.js';
import type { AnyAction } from '../registry/define-action.js';
import { UPLOAD_FILE_FIELD } from '../server/multipart.js';

export const requestUri = (def: Pick<AnyAction, 'namespace' | 'action'>): string =>
  `/api/${API_VERSION}/${def.namespace}?action=${encodeURIComponent(def.action)}`;

/** A name usable as an identifier in generated code (`contact_getContact`). */
export const operationId = (def: Pick<AnyAction, 'namespace' | 'action'>): string => `${def.namespace}_${def.action}`;

/**
 * Actions that take multipart/form-data instead of JSON, with the field that carries the file
 * (server/multipart.ts; upload-booking-document.md).
 */
export const MULTIPART_ACTIONS: Readonly<Record<string, { fileField: string }>> = {
  'venue.uploadBookingDocument': { fileField: UPLOAD_FILE_FIELD },
};

export const multipartOf = (def: Pick<AnyAction, 'namespace' | 'action'>): { fileField: string } | undefined =>
  MULTIPART_ACTIONS[`${def.namespace}.${def.action}`];
