/**
 * The specific codes of the crm pages. Every add-or-update page lists the same family: the
 * record does not exist, (sometimes) it is not editable, "An error has occurred", and two
 * "The request contains invalid data" codes. Marquee gives each a distinct meaning
 * (docs/compatibility.md, CRM):
 * - per-parameter type, format and required-ness: 23016 / 23017, as everywhere;
 * - `rejected` (the first invalid-data code): a well-formed request that conflicts with the
 *   account's data — a duplicate name, a referenced user, purpose or reason that does not exist;
 * - `invalid` (the second): values that are fine one by one but not together — an update that
 *   names nothing to change, an end before the start;
 * - `failed` ("An error has occurred", HTTP 500): the save itself failed, e.g. a concurrent
 *   request created the same name between our check and our insert.
 */
import { ZodError } from 'zod';
import { ApiError } from '../../protocol/errors.js';
import type { ActionContext } from '../../registry/context.js';

export interface PageCodes {
  /** Code and message of "the record named by `id` does not exist". */
  notFound: readonly [number, string];
  notEditable?: readonly [number, string];
  failed: number;
  rejected: number;
  invalid: number;
}

const code = (n: number, message: string) => [n, message] as const;

export const STAGE_CODES: PageCodes = {
  notFound: code(24320, 'The crm lead stage does not exist'),
  notEditable: code(24321, 'The crm lead stage is not editable'),
  failed: 24322,
  rejected: 24323,
  invalid: 24324,
};
export const SOURCE_CODES: PageCodes = {
  notFound: code(24325, 'The crm lead source does not exist'),
  notEditable: code(24326, 'The crm lead source is not editable'),
  failed: 24327,
  rejected: 24328,
  invalid: 24329,
};
export const QUALITY_CODES: PageCodes = {
  notFound: code(24304, 'The crm lead quality does not exist'),
  failed: 24305,
  rejected: 24306,
  invalid: 24307,
};
export const CHANNEL_CODES: PageCodes = {
  notFound: code(24376, 'The crm lead channel does not exist'),
  notEditable: code(24377, 'The crm lead channel is not editable'),
  failed: 24378,
  rejected: 24379,
  invalid: 24380,
};
export const TYPE_CODES: PageCodes = {
  notFound: code(24381, 'The crm lead type does not exist'),
  failed: 24382,
  rejected: 24383,
  invalid: 24384,
};
export const PURPOSE_CODES: PageCodes = {
  notFound: code(24300, 'The event activity purpose does not exist'),
  failed: 24301,
  rejected: 24302,
  invalid: 24303,
};

/** Tasks and activities also name the lead, contact or company they belong to. */
export interface OwnedPageCodes extends PageCodes {
  leadNotFound: number;
  contactNotFound: number;
  companyNotFound: number;
  /** "… can only belong to either contact, company or opportunity/lead". */
  oneOwner: readonly [number, string];
}

export const TASK_CODES: OwnedPageCodes = {
  notFound: code(24392, 'The task does not exist'),
  failed: 24393,
  rejected: 24394,
  invalid: 24395,
  leadNotFound: 24389,
  contactNotFound: 24390,
  companyNotFound: 24391,
  oneOwner: code(24396, 'The task can only belongs to either contact, company or opportunity/lead'),
};

export const ACTIVITY_CODES: OwnedPageCodes = {
  notFound: code(24400, 'The activity does not exist'),
  failed: 24401,
  rejected: 24402,
  invalid: 24403,
  leadNotFound: 24397,
  contactNotFound: 24398,
  companyNotFound: 24399,
  oneOwner: code(24404, 'The activity can only belongs to either contact, company or opportunity/lead'),
};

export const NOTE_CODES: PageCodes & { leadNotFound: number } = {
  notFound: code(24434, 'The note does not exist'),
  failed: 24435,
  rejected: 24436,
  invalid: 24437,
  leadNotFound: 24441,
};

/** contact/add-or-update-lead.md */
export const LEAD_CODES = {
  empty: 24215,
  notFound: 24216,
  invalid: 24218,
} as const;

const REJECTED_MESSAGE =
  'The request contains invalid data. The data was validated but there was some other error. See additional messages';

export const notFound = (codes: PageCodes): ApiError => new ApiError(404, codes.notFound[0], codes.notFound[1]);

export const notEditable = (codes: PageCodes): ApiError => {
  const [n, message] = codes.notEditable ?? codes.notFound;
  return new ApiError(403, n, message);
};

export const rejected = (codes: PageCodes, ...reasons: string[]): ApiError =>
  new ApiError(400, codes.rejected, REJECTED_MESSAGE, reasons);

export const invalid = (codes: PageCodes, ...reasons: string[]): ApiError =>
  new ApiError(400, codes.invalid, 'The request contains invalid data', reasons);

export const leadNotFoundError = (n: number): ApiError => new ApiError(404, n, 'The lead/opportunity does not exist');
export const contactNotFoundError = (n: number): ApiError => new ApiError(404, n, 'The contact does not exist');
export const companyNotFoundError = (n: number): ApiError => new ApiError(404, n, 'The company does not exist');

/**
 * Runs a write and turns anything that is not already an API error into the page's
 * "An error has occurred" (500), logged with the request id like the platform's own 500s.
 */
export async function guardWrite<T>(ctx: ActionContext, failedCode: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ApiError || error instanceof ZodError) throw error;
    ctx.log.error({ err: error, requestId: ctx.caller.requestId, specificCode: failedCode }, 'crm write failed');
    throw new ApiError(500, failedCode, 'An error has occurred', [`Request id: ${ctx.caller.requestId}`]);
  }
}
