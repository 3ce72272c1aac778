/**
 * Contact emails, one way into the CRM (crm-systems.md, Contact Emails): "an email is usually
 * stored against a singular action in iVvy, they cannot be received into iVvy from a third
 * party". iVvy reads: account.getEmailLogList filtered by `sentTime__GREATERTHAN`, so the
 * cursor walks emails by the time they were sent (a queued email has no sentTime yet and is
 * picked up once it has one). Only emails to a contact are synced, attached to the CRM
 * record the contacts module paired with that contact (not to a contact deleted on either
 * side). Bodies stay HTML.
 *
 * Canonical fields: contact (CRM id), subject, html (the body as iVvy holds it), from, to,
 * sentAt (ISO 8601 UTC) and status (sent, failed).
 */
import type { IvvyItem } from '../ivvy/api.js';
import type { IvvySide, ModuleContext, SyncModule } from '../module.js';
import { offsetFeed, type CollectionPage } from '../ivvy/feed.js';
import { modifiedAt } from '../ivvy/records.js';
import { instantText, relatedIds } from '../ivvy/related.js';
import { canonicalValue } from '../fingerprint.js';
import type { FieldValue, SideRecord } from '../types.js';

type IvvyEmail = IvvyItem<'account', 'getEmailLogList'>;

export const EMAIL_FIELDS = ['contact', 'subject', 'html', 'from', 'to', 'sentAt', 'status'] as const;

export const contactEmailsModule: SyncModule = {
  name: 'contactEmails',
  description: 'Emails iVvy sent to contacts (the email log), one way onto the CRM contact, HTML kept',
  kind: 'emailEngagement',
  twoWay: false,
  dependsOn: ['contacts'],
  // The email log only grows: nothing to reconcile.
  reconcile: false,
  entityOptions: () => ({ customFields: [], groups: false }),

  async open(ctx: ModuleContext): Promise<IvvySide> {
    const toRecords = async (page: readonly IvvyEmail[]): Promise<SideRecord[]> => {
      const logged = page.filter((e) => e.contactId !== null && e.sentTime !== null);
      const contacts = await relatedIds(ctx.links, 'contacts', logged.map((e) => String(e.contactId)));
      // An email to a contact deleted on one side has nowhere to go.
      const sent = logged.filter((e) => !contacts.closed.has(String(e.contactId)));
      return sent.map((e) => {
        const at = modifiedAt(e.sentTime);
        const fields: Record<string, FieldValue> = {
          contact: contacts.crm.get(String(e.contactId)) ?? null,
          subject: canonicalValue('subject', e.subject),
          html: canonicalValue('html', e.body),
          from: canonicalValue('from', e.from),
          to: canonicalValue('to', e.to),
          sentAt: instantText(at || null),
          status: e.success ? 'sent' : 'failed',
        };
        return { id: String(e.id), modifiedAt: at, fields, pairedId: null };
      });
    };

    const feed = offsetFeed<IvvyEmail>({
      api: ctx.api,
      namespace: 'account',
      action: 'getEmailLogList',
      perPage: ctx.pageSize,
      since: (t) => ({ sentTime__GREATERTHAN: t }),
      toRecords,
    });

    return {
      fields: EMAIL_FIELDS,
      listChanges: feed.listChanges,
      async get(ids) {
        const found: IvvyEmail[] = [];
        for (const id of ids) {
          const page = await ctx.api.call<CollectionPage<IvvyEmail>>('account', 'getEmailLogList', { start: 0, perPage: 1, filter: { id: Number(id) } });
          found.push(...page.results.filter((e) => String(e.id) === id));
        }
        return toRecords(found);
      },
      async *listIds() {
        for await (const page of feed.listAll()) yield page.map((e) => String(e.id));
      },
    };
  },
};
