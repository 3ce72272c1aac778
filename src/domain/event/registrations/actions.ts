/** getRegistration, getRegistrationList. */
import { z } from 'zod';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { collection, id } from '../../../registry/params.js';
import { ApiError } from '../../../protocol/errors.js';
import { modifiedDateFilters } from '../../contact/modified-filters.js';
import { EventErrors, eventNotFound } from '../errors.js';
import { eventExists } from '../events/store.js';
import { registrationListItemResult, registrationResult } from './schemas.js';
import {
  loadInvoiceTotals,
  loadRegistrationRows,
  registrationDetailOf,
  registrationListItemOf,
  registrationsFrom,
  selectRegistrationRow,
} from './shapes.js';

export const getRegistration = defineAction({
  namespace: 'event',
  action: 'getRegistration',
  kind: 'read',
  params: z.object({ id: id(), eventId: id().optional() }),
  result: registrationResult,
  async handler(ctx, params) {
    if (params.eventId !== undefined && !(await eventExists(ctx.store, params.eventId))) throw eventNotFound(EventErrors.registrationEvent);
    const [row] = await loadRegistrationRows(ctx.store, [params.id]);
    if (!row) throw new ApiError(404, EventErrors.registrationNotFound, 'Registration not found');
    if (params.eventId !== undefined && row.event_id !== params.eventId) {
      throw new ApiError(400, EventErrors.registrationInvalid, 'Invalid Registration Id', [
        `Registration ${params.id} does not belong to event ${params.eventId}`,
      ]);
    }
    return registrationDetailOf(row, await loadInvoiceTotals(ctx.store, [row.id]));
  },
});

/**
 * The documented modifiedDate filter (with every generic modifier, so `modifiedDate__GREATERTHAN`
 * fetches what changed since a sync, inclusive), currentStatus and isExhibitor (the
 * registration status and type), fromModifiedDate / toModifiedDate, and the other scalar fields.
 */
export const getRegistrationList = defineListAction({
  namespace: 'event',
  action: 'getRegistrationList',
  params: { ...collection, eventId: id().optional() },
  filters: {
    id: { column: 'event_registrations.id', type: 'integer' },
    eventName: { column: 'events.title', type: 'string' },
    currentStatus: { column: 'event_registrations.status', type: 'integer' },
    isExhibitor: { column: 'event_registrations.is_exhibitor', type: 'boolean' },
    completedDate: { column: 'event_registrations.completed_at', type: 'timestamp' },
    mainContactId: { column: 'event_registrations.contact_id', type: 'integer' },
    firstName: { column: 'event_registrations.first_name', type: 'string' },
    lastName: { column: 'event_registrations.last_name', type: 'string' },
    phone: { column: 'event_registrations.phone', type: 'string' },
    createdDate: { column: 'event_registrations.created_at', type: 'timestamp' },
    modifiedDate: { column: 'event_registrations.modified_at', type: 'timestamp' },
    ...modifiedDateFilters('event_registrations.modified_at'),
  },
  item: registrationListItemResult,
  rows: async (ctx, { eventId }) => {
    if (eventId !== undefined && !(await eventExists(ctx.store, eventId))) throw eventNotFound(EventErrors.registrationListEvent);
    return {
      from: registrationsFrom(ctx.store),
      idColumn: 'event_registrations.id',
      ...(eventId !== undefined ? { where: (eb) => eb('event_registrations.event_id', '=', eventId) } : {}),
      select: selectRegistrationRow,
    };
  },
  items: async (rows, ctx) => {
    const totals = await loadInvoiceTotals(
      ctx.store,
      rows.map((r) => r.id),
    );
    return rows.map((r) => registrationListItemOf(r, totals));
  },
});
