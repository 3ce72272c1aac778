/**
 * account.addErrorReport (account/add-error-report.md). Reports are stored and written to the
 * server log. A report "similar" to a stored one — same code, message, level, refType and
 * refIds — returns the stored report's id and counts one more occurrence, as the page says.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { ApiError } from '../../protocol/errors.js';
import { defineAction } from '../../registry/define-action.js';
import { id, int, intEnum, string, text } from '../../registry/params.js';
import { upserted, upsertResult } from '../crm/schemas.js';

export const ERROR_REPORT_INVALID = 24262;

/** RefType: 1 Custom, 2 Venue Booking, 3 Accommodation Group, 4 Room Reservation. */
export const REF_TYPES = [1, 2, 3, 4] as const;

/** The refIds each refType needs ("RefType-RefId Mapping"), and what they name. */
const REQUIRED_REFS: Readonly<Record<number, ReadonlyArray<readonly [string, string]>>> = {
  1: [],
  2: [
    ['refId1', 'venue'],
    ['refId2', 'venue booking'],
  ],
  3: [
    ['refId1', 'venue'],
    ['refId2', 'venue booking'],
    ['refId3', 'booking accommodation group'],
  ],
  4: [
    ['refId1', 'venue'],
    ['refId2', 'venue booking'],
    ['refId3', 'room reservation'],
  ],
};

const params = z.object({
  code: string(100).optional(),
  message: text(1000),
  level: int()
    .refine((n) => n >= 0, { message: 'Value must be 0 or greater' })
    .optional(),
  refType: intEnum(REF_TYPES).optional(),
  refId1: id().optional(),
  refId2: id().optional(),
  refId3: id().optional(),
  refId4: id().optional(),
  refId5: id().optional(),
  debugData: string(1000).optional(),
});

/** What makes two reports "similar": everything but the debug data. */
export function errorReportFingerprint(
  code: string | null,
  message: string,
  level: number | null,
  refType: number,
  refs: ReadonlyArray<number | null>,
): string {
  return createHash('sha256').update(JSON.stringify([code, message, level, refType, refs])).digest('hex');
}

export const addErrorReport = defineAction({
  namespace: 'account',
  action: 'addErrorReport',
  kind: 'write',
  params,
  result: upsertResult,
  async handler(ctx, p) {
    const refType = p.refType ?? 1;
    const missing = (REQUIRED_REFS[refType] ?? []).filter(([name]) => p[name as 'refId1'] === undefined);
    if (missing.length > 0) {
      throw new ApiError(
        400,
        ERROR_REPORT_INVALID,
        'The error report details are invalid',
        missing.map(([name, what]) => `refType ${refType} needs ${name} (the identifier of the ${what})`),
      );
    }
    const refs = [p.refId1, p.refId2, p.refId3, p.refId4, p.refId5].map((r) => r ?? null);
    const code = p.code?.trim() || null;
    const level = p.level ?? null;
    const message = p.message.trim();
    const fingerprint = errorReportFingerprint(code, message, level, refType, refs);
    const row = await ctx.store
      .insertInto('error_reports', {
        fingerprint,
        code,
        message,
        level,
        ref_type: refType,
        ref_id1: refs[0] ?? null,
        ref_id2: refs[1] ?? null,
        ref_id3: refs[2] ?? null,
        ref_id4: refs[3] ?? null,
        ref_id5: refs[4] ?? null,
        debug_data: p.debugData ?? null,
        reported_by_user_id: ctx.caller.userId,
        created_at: ctx.now,
        last_reported_at: ctx.now,
      })
      .onConflict((oc) =>
        oc.columns(['account_id', 'fingerprint']).doUpdateSet({
          occurrences: sql`error_reports.occurrences + 1`,
          last_reported_at: ctx.now,
          debug_data: p.debugData ?? null,
        }),
      )
      .returning(['id', 'occurrences'])
      .executeTakeFirstOrThrow();
    ctx.log.warn(
      {
        errorReport: {
          id: row.id,
          accountId: ctx.store.accountId,
          code,
          level,
          refType,
          refIds: refs,
          occurrences: row.occurrences,
          requestId: ctx.caller.requestId,
        },
      },
      `error report: ${message}`,
    );
    return upserted(row.id);
  },
});
