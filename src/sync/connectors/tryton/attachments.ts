/**
 * Emails as attachments of the contact's party (`ir.attachment`, Tryton's documented place for
 * documents on any record): the email is the attachment's data, an HTML file kept as the
 * iVvy log has it, named after the subject; its description starts with the pairing key
 * `ivvy-email:<id>` and carries the envelope (sent time, from, to, status). Tryton's
 * marketing_email module sends mass messages to lists and keeps no per-contact history,
 * so a party's attachments are where a Tryton user finds what was sent to that contact.
 *
 * Mapping: contact → resource (`party.party,<id>`), subject → name, html → data, sentAt,
 * from, to, status → lines of the description.
 */
import type { CrmEntity } from '../../connector.js';
import { canonicalValue } from '../../fingerprint.js';
import type { Canonical, CreateInput, FieldValue, SideRecord, UpdateInput, WriteResult } from '../../types.js';
import { createdResult, createEach, errorText } from './creates.js';
import { keyedReads } from './keyed-reads.js';
import { toTrytonDateTime, TrytonError, type TrytonRpc } from './rpc.js';
import { changedAt, fromBytes, toBytes } from './values.js';

interface Attachment {
  id: number;
  name: string;
  description: string | null;
  resource: string | null;
  data?: unknown;
  write_date: unknown;
  create_date: unknown;
}

export const EMAIL_FIELDS = ['contact', 'subject', 'html', 'sentAt', 'from', 'to', 'status'] as const;

const PREFIX = 'ivvy-email:';
/** Envelope lines of the description: canonical field → label. */
const ENVELOPE = { sentAt: 'Sent', from: 'From', to: 'To', status: 'Status' } as const;
const FIELDS = ['name', 'description', 'resource', 'data', 'write_date', 'create_date'];
const KEYED = ['description', 'like', `${PREFIX}%`];


function describe(sourceId: string, fields: Canonical): string {
  const lines = [`${PREFIX}${sourceId}`];
  for (const [field, label] of Object.entries(ENVELOPE)) {
    const v = fields[field];
    if (typeof v === 'string') lines.push(`${label}: ${v}`);
  }
  return lines.join('\n');
}

export function openEmailAttachments(rpc: TrytonRpc, settings: { pageSize: number }): CrmEntity {
  const toRecord = (a: Attachment): SideRecord => {
    const lines = (a.description ?? '').split('\n');
    const key = lines[0]?.startsWith(PREFIX) ? lines[0].slice(PREFIX.length).trim() : null;
    const fields: Record<string, FieldValue> = {
      contact: a.resource?.startsWith('party.party,') ? a.resource.slice('party.party,'.length) : null,
      subject: canonicalValue('subject', a.name),
      html: canonicalValue('html', fromBytes(a.data)),
    };
    for (const [field, label] of Object.entries(ENVELOPE)) {
      const line = lines.find((l) => l.startsWith(`${label}: `));
      fields[field] = canonicalValue(field, line ? line.slice(label.length + 2) : null);
    }
    return { id: String(a.id), modifiedAt: changedAt(a), fields, pairedId: key };
  };

  const read = (ids: readonly number[]) =>
    ids.length === 0 ? Promise.resolve([] as Attachment[]) : rpc.model<Attachment[]>('ir.attachment', 'search_read', [[['id', 'in', ids]], 0, null, null, FIELDS]);

  const values = (fields: Canonical, sourceId: string, known: Canonical | null): Record<string, unknown> => {
    const all = { ...known, ...fields };
    const out: Record<string, unknown> = {};
    if ('contact' in fields) out.resource = typeof fields.contact === 'string' ? `party.party,${fields.contact}` : null;
    // An attachment cannot be nameless.
    if ('subject' in fields) out.name = typeof fields.subject === 'string' ? fields.subject : '(no subject)';
    if ('html' in fields) out.data = toBytes(typeof fields.html === 'string' ? fields.html : '');
    if (Object.keys(ENVELOPE).some((f) => f in fields)) out.description = describe(sourceId, all);
    return out;
  };

  return {
    kind: 'emailEngagement',
    fields: EMAIL_FIELDS,
    ...keyedReads<Attachment>({ rpc, model: 'ir.attachment', keyed: KEYED, fields: FIELDS, pageSize: settings.pageSize, toRecord }),
    get: async (ids) => (await read(ids.map(Number).filter(Number.isSafeInteger))).map(toRecord),
    async findBySourceIds(sourceIds, since) {
      if (sourceIds.length === 0) return new Map();
      const wanted = new Set(sourceIds);
      const rows = await rpc.model<Attachment[]>('ir.attachment', 'search_read', [
        [KEYED, ['create_date', '>=', toTrytonDateTime(since)]],
        0,
        null,
        [['id', 'ASC']],
        ['description'],
      ]);
      const found = new Map<string, string>();
      for (const r of rows) {
        const key = (r.description ?? '').split('\n')[0]!.slice(PREFIX.length).trim();
        if (wanted.has(key) && !found.has(key)) found.set(key, String(r.id));
      }
      return found;
    },
    async create(inputs: readonly CreateInput[]): Promise<WriteResult[]> {
      const ready = inputs.filter((input) => typeof input.fields.contact === 'string');
      const creation = await createEach(
        rpc,
        'ir.attachment',
        ready.map((input) => ({
          sourceId: input.sourceId,
          values: {
            type: 'data',
            ...values({ ...Object.fromEntries(EMAIL_FIELDS.map((f) => [f, null])), ...input.fields }, input.sourceId, null),
            description: describe(input.sourceId, input.fields),
          },
        })),
      );
      for (const input of inputs) {
        if (!ready.includes(input)) creation.failed.set(input.sourceId, "the email's contact is not in Tryton yet");
      }
      const back = new Map((await read([...creation.created.values()])).map((a) => [String(a.id), toRecord(a)]));
      return inputs.map((input) => createdResult(input.sourceId, creation, back));
    },
    async update(inputs: readonly UpdateInput[]): Promise<WriteResult[]> {
      const failed = new Map<string, string>();
      for (const input of inputs) {
        const v = values(input.fields, input.sourceId, input.known);
        if (Object.keys(v).length === 0) continue;
        try {
          await rpc.model('ir.attachment', 'write', [[Number(input.id)], v]);
        } catch (error) {
          if (!(error instanceof TrytonError)) throw error;
          failed.set(input.id, errorText(error));
        }
      }
      const back = new Map((await read(inputs.map((i) => Number(i.id)))).map((a) => [String(a.id), toRecord(a)]));
      return inputs.map((input): WriteResult => {
        const failure = failed.get(input.id);
        const r = back.get(input.id);
        if (failure !== undefined || !r) return { ok: false, sourceId: input.sourceId, id: input.id, error: failure ?? `attachment ${input.id} no longer exists` };
        return { ok: true, sourceId: input.sourceId, id: input.id, fields: r.fields, modifiedAt: r.modifiedAt };
      });
    },
    async remove(ids) {
      const existing = await read(ids.map(Number));
      if (existing.length > 0) await rpc.model('ir.attachment', 'delete', [existing.map((a) => a.id)]);
      return ids.map((id) => ({ id, ok: true }));
    },
  };
}
