/** venue.getSessionTypeList (get-session-type-list.md): the account's session types; no venue parameter. */
import { z } from 'zod';
import { defineListAction } from '../../../../registry/define-list-action.js';

const sessionTypeResult = z.strictObject({ id: z.number().int(), name: z.string() });

export const getSessionTypeList = defineListAction({
  namespace: 'venue',
  action: 'getSessionTypeList',
  filters: {
    id: { column: 'venue_session_types.id', type: 'integer' },
    name: { column: 'venue_session_types.name', type: 'string' },
  },
  item: sessionTypeResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('venue_session_types'),
    idColumn: 'venue_session_types.id',
    select: (qb) => qb.select(['venue_session_types.id', 'venue_session_types.name']),
  }),
  items: (rows) => rows.map((r) => ({ id: r.id, name: r.name })),
});
