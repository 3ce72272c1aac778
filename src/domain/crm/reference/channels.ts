/** getLeadChannelList and addOrUpdateLeadChannel; built-in channels are not editable (24377). */
import { z } from 'zod';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { id, text } from '../../../registry/params.js';
import { CHANNEL_CODES } from '../errors.js';
import { upsertResult } from '../schemas.js';
import { upsertEntry } from './entries.js';

const channelResult = z.strictObject({ id: z.number().int(), name: z.string() });

export const getLeadChannelList = defineListAction({
  namespace: 'crm',
  action: 'getLeadChannelList',
  filters: {
    id: { column: 'crm_lead_channels.id', type: 'integer' },
    name: { column: 'crm_lead_channels.name', type: 'string' },
  },
  item: channelResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('crm_lead_channels'),
    idColumn: 'crm_lead_channels.id',
    select: (qb) => qb.select(['crm_lead_channels.id', 'crm_lead_channels.name']),
  }),
  items: (rows) => rows.map((r) => ({ id: r.id, name: r.name })),
});

export const addOrUpdateLeadChannel = defineAction({
  namespace: 'crm',
  action: 'addOrUpdateLeadChannel',
  kind: 'write',
  params: z.object({ id: id().optional(), name: text(100).optional() }),
  result: upsertResult,
  async handler(ctx, params) {
    return upsertEntry(ctx, {
      table: 'crm_lead_channels',
      codes: CHANNEL_CODES,
      noun: 'lead channel',
      id: params.id,
      name: { param: 'name', column: 'name', value: params.name },
      values: {},
      load: (channelId) => ctx.store.selectFrom('crm_lead_channels').selectAll().where('id', '=', channelId).executeTakeFirst(),
      editable: (row) => row.is_system === 0,
    });
  },
});
