/**
 * addOrUpdateActivityPurpose. The docs have no list action for purposes; an activity shows its
 * purpose's name and type (get-activity-list.md).
 */
import { z } from 'zod';
import { defineAction } from '../../../registry/define-action.js';
import { id, intEnum, text } from '../../../registry/params.js';
import { PURPOSE_CODES } from '../errors.js';
import { upsertResult } from '../schemas.js';
import { upsertEntry } from './entries.js';

/** Activity Purpose Type: 1 Account, 2 Function, 3 Corporate, 4 Group. */
export const PURPOSE_TYPES = [1, 2, 3, 4] as const;

export const addOrUpdateActivityPurpose = defineAction({
  namespace: 'crm',
  action: 'addOrUpdateActivityPurpose',
  kind: 'write',
  params: z.object({ id: id().optional(), name: text(100).optional(), type: intEnum(PURPOSE_TYPES).optional() }),
  result: upsertResult,
  async handler(ctx, params) {
    return upsertEntry(ctx, {
      table: 'crm_activity_purposes',
      codes: PURPOSE_CODES,
      noun: 'activity purpose',
      id: params.id,
      name: { param: 'name', column: 'name', value: params.name },
      values: { type: params.type },
      requiredOnAdd: [['type', params.type !== undefined]],
      load: (purposeId) => ctx.store.selectFrom('crm_activity_purposes').selectAll().where('id', '=', purposeId).executeTakeFirst(),
    });
  },
});
