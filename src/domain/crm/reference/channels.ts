/** getLeadChannelList and addOrUpdateLeadChannel; built-in channels are not editable (24377). */
import { z } from 'zod';
import { defineAction } from '../../../registry/define-action.js';
import { collection, id, text } from '../../../registry/params.js';
import { fetchPage, type FilterSpec } from '../../../storage/collection.js';
import { CHANNEL_CODES } from '../errors.js';
import { collectionOf, upsertResult } from '../schemas.js';
import { upsertEntry } from './entries.js';

const channelResult = z.strictObject({ id: z.number().int(), name: z.string() });

const filters: FilterSpec = {
  id: { column: 'crm_lead_channels.id', type: 'integer' },
  name: { column: 'crm_lead_channels.name', type: 'string' },
};

export const getLeadChannelList = defineAction({
  namespace: 'crm',
  action: 'getLeadChannelList',
  kind: 'read',
  params: z.object(collection),
  result: collectionOf(channelResult),
  async handler(ctx, params) {
    const page = await fetchPage<{ id: number; name: string }>({
      dialect: ctx.store.dialect,
      from: ctx.store.selectFrom('crm_lead_channels'),
      filters,
      params,
      idColumn: 'crm_lead_channels.id',
      select: (qb) => qb.select(['crm_lead_channels.id', 'crm_lead_channels.name']),
    });
    return { meta: page.meta, results: page.rows.map((r) => ({ id: r.id, name: r.name })) };
  },
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
