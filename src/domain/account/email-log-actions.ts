/** account.getEmailLogList (account/get-email-log-list.md): the emails Marquee has sent. */
import { z } from 'zod';
import { formatOptionalTimestamp } from '../../protocol/timestamp.js';
import { defineListAction } from '../../registry/define-list-action.js';
import { timestampText } from '../../registry/result-schemas.js';

const emailSchema = z.object({
  id: z.number().int(),
  contactId: z.number().int().nullable(),
  userId: z.number().int().nullable(),
  eventId: z.number().int().nullable(),
  type: z.number().int(),
  refType: z.number().int().min(0).max(14),
  refId: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
  bcc: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  sentTime: timestampText.nullable(),
  success: z.boolean(),
});

export const getEmailLogList = defineListAction({
  namespace: 'account',
  action: 'getEmailLogList',
  filters: {
    id: { column: 'email_log.id', type: 'integer' },
    contactId: { column: 'email_log.contact_id', type: 'integer' },
    userId: { column: 'email_log.user_id', type: 'integer' },
    eventId: { column: 'email_log.event_id', type: 'integer' },
    type: { column: 'email_log.type', type: 'integer' },
    refType: { column: 'email_log.ref_type', type: 'integer' },
    refId: { column: 'email_log.ref_id', type: 'integer' },
    from: { column: 'email_log.from_address', type: 'string' },
    to: { column: 'email_log.to_address', type: 'string' },
    subject: { column: 'email_log.subject', type: 'string' },
    sentTime: { column: 'email_log.sent_at', type: 'timestamp' },
    success: { column: 'email_log.success', type: 'boolean' },
  },
  item: emailSchema,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('email_log'),
    idColumn: 'email_log.id',
    select: (qb) => qb.selectAll('email_log'),
  }),
  items: (rows) =>
    rows.map((r) => ({
      id: r.id,
      contactId: r.contact_id,
      userId: r.user_id,
      eventId: r.event_id,
      type: r.type,
      refType: r.ref_type,
      refId: r.ref_id,
      from: r.from_address,
      to: r.to_address,
      bcc: r.bcc,
      subject: r.subject,
      body: r.body,
      sentTime: formatOptionalTimestamp(r.sent_at),
      success: r.success === 1,
    })),
});
