/**
 * Opportunities as Tryton sales opportunities (`sale.opportunity`, module sale_opportunity),
 * in the company of the connecting user (its preferences), reference `ivvy-registration:<id>`
 * (the pairing key that finds an opportunity again after a killed run).
 *
 * Mapping: name → description, amount → amount (the estimated revenue), date → start_date,
 * contact → party (the contact's party). The registration's status is the opportunity's
 * state and conversion probability: Tryton wins an opportunity only through a confirmed sale
 * order (state won comes from the sale workflow, and the opportunity state needs an
 * employee), so the connector leaves synced opportunities as leads whose conversion
 * probability says how sure the income is — completed (paid) 1, payment waiting 0.75, in
 * progress 0.25 — and cancels cancelled ones through the workflow's `cancel` (and takes a
 * re-activated one back with `lead`). A company is not kept: an opportunity has one party.
 *
 * Quotes and bookings are the same model under their own reference prefix,
 * `ivvy-booking:<id>`, with probabilities of their own: prospective 0.25, prospective hold 0.5,
 * tentative 0.75, confirmed 1 (BOOKING_OPPORTUNITIES); a cancelled booking is closed as lost
 * (the workflow's `lost`, which a lead may take), as crm-systems.md's venues expect of a
 * cancellation, where a cancelled registration is cancelled.
 */
import type { CrmEntity } from '../../connector.js';
import { canonicalValue } from '../../fingerprint.js';
import type { Canonical, CreateInput, FieldValue, SideRecord, UpdateInput, WriteResult } from '../../types.js';
import { createdResult, createEach, errorText } from './creates.js';
import { keyedReads } from './keyed-reads.js';
import { TrytonError, type TrytonRpc } from './rpc.js';
import { changedAt, fromDecimal, fromTrytonDate, toDecimal, toTrytonDate } from './values.js';

interface Opportunity {
  id: number;
  reference: string | null;
  description: string | null;
  amount: unknown;
  start_date: unknown;
  party: number | null;
  state: string;
  conversion_probability: number;
  write_date: unknown;
  create_date: unknown;
}

export const OPPORTUNITY_FIELDS = ['name', 'amount', 'date', 'status', 'contact'] as const;

/** What tells one module's opportunities from another's: the reference prefix and the status probabilities. */
export interface OpportunityVariant {
  kind: 'opportunity' | 'bookingOpportunity';
  prefix: string;
  probability: Readonly<Record<string, number>>;
  /** The workflow transition (and state) that closes a cancelled record's opportunity. */
  closing: 'cancelled' | 'lost';
}

export const REGISTRATION_OPPORTUNITIES: OpportunityVariant = {
  kind: 'opportunity',
  prefix: 'ivvy-registration:',
  probability: { completed: 1, 'payment-waiting': 0.75, 'in-progress': 0.25 },
  closing: 'cancelled',
};

export const BOOKING_OPPORTUNITIES: OpportunityVariant = {
  kind: 'bookingOpportunity',
  prefix: 'ivvy-booking:',
  probability: { confirmed: 1, tentative: 0.75, 'prospective-hold': 0.5, prospective: 0.25 },
  closing: 'lost',
};

/** The method of each closing transition. */
const CLOSE_METHOD = { cancelled: 'cancel', lost: 'lost' } as const;

const FIELDS = ['reference', 'description', 'amount', 'start_date', 'party', 'state', 'conversion_probability', 'write_date', 'create_date'];


function statusOf(o: Opportunity, PROBABILITY: Readonly<Record<string, number>>, closing: OpportunityVariant['closing']): FieldValue {
  if (o.state === closing) return 'cancelled';
  const found = Object.entries(PROBABILITY).find(([, p]) => Math.abs(p - o.conversion_probability) < 1e-6);
  return found ? found[0] : `probability:${o.conversion_probability}`;
}

export function openOpportunities(rpc: TrytonRpc, settings: { pageSize: number }, variant: OpportunityVariant = REGISTRATION_OPPORTUNITIES): CrmEntity {
  const { prefix: PREFIX, probability: PROBABILITY } = variant;
  let company: Promise<number> | null = null;
  /** The connecting user's current company: opportunities must belong to one. */
  const companyId = () =>
    (company ??= rpc.call<{ company?: number | null }>('model.res.user.get_preferences', [true, {}]).then((prefs) => {
      if (typeof prefs.company !== 'number') {
        throw new TrytonError('the Tryton user has no current company: sales opportunities belong to a company (set one in the user preferences)', 'ConfigError');
      }
      return prefs.company;
    }));

  const toRecord = (o: Opportunity): SideRecord => ({
    id: String(o.id),
    modifiedAt: changedAt(o),
    fields: {
      name: canonicalValue('name', o.description),
      amount: fromDecimal(o.amount),
      date: fromTrytonDate(o.start_date),
      status: statusOf(o, PROBABILITY, variant.closing),
      contact: o.party === null ? null : String(o.party),
    },
    pairedId: o.reference?.startsWith(PREFIX) ? o.reference.slice(PREFIX.length) : null,
  });

  const read = (ids: readonly number[]) =>
    ids.length === 0 ? Promise.resolve([] as Opportunity[]) : rpc.model<Opportunity[]>('sale.opportunity', 'search_read', [[['id', 'in', ids]], 0, null, null, FIELDS]);

  /** Values for the changed canonical fields (the state is moved separately). */
  const values = (fields: Canonical): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if ('name' in fields) out.description = fields.name ?? null;
    if ('amount' in fields) out.amount = typeof fields.amount === 'string' ? toDecimal(fields.amount) : null;
    if ('date' in fields && typeof fields.date === 'string') out.start_date = toTrytonDate(fields.date);
    if ('contact' in fields) out.party = typeof fields.contact === 'string' && /^\d+$/.test(fields.contact) ? Number(fields.contact) : null;
    if ('status' in fields && typeof fields.status === 'string' && fields.status in PROBABILITY) out.conversion_probability = PROBABILITY[fields.status];
    return out;
  };

  /** Moves opportunities through the workflow to the state their status asks for. */
  const transition = async (wanted: ReadonlyMap<number, FieldValue>) => {
    const current = await read([...wanted.keys()]);
    const close = current.filter((o) => wanted.get(o.id) === 'cancelled' && (o.state === 'lead' || o.state === 'opportunity')).map((o) => o.id);
    const reopen = current.filter((o) => wanted.get(o.id) !== 'cancelled' && o.state === variant.closing).map((o) => o.id);
    if (close.length > 0) await rpc.model('sale.opportunity', CLOSE_METHOD[variant.closing], [close]);
    if (reopen.length > 0) await rpc.model('sale.opportunity', 'lead', [reopen]);
  };

  return {
    kind: variant.kind,
    fields: OPPORTUNITY_FIELDS,
    ...keyedReads<Opportunity>({ rpc, model: 'sale.opportunity', keyed: ['reference', 'like', `${PREFIX}%`], fields: FIELDS, pageSize: settings.pageSize, toRecord }),
    get: async (ids) => (await read(ids.map(Number).filter(Number.isSafeInteger))).map(toRecord),
    async findBySourceIds(sourceIds) {
      if (sourceIds.length === 0) return new Map();
      const rows = await rpc.model<Opportunity[]>('sale.opportunity', 'search_read', [
        [['reference', 'in', sourceIds.map((id) => `${PREFIX}${id}`)]],
        0,
        null,
        [['id', 'ASC']],
        ['reference'],
      ]);
      const found = new Map<string, string>();
      for (const r of rows) if (r.reference && !found.has(r.reference.slice(PREFIX.length))) found.set(r.reference.slice(PREFIX.length), String(r.id));
      return found;
    },
    async create(inputs: readonly CreateInput[]): Promise<WriteResult[]> {
      const owner = await companyId();
      const creation = await createEach(
        rpc,
        'sale.opportunity',
        inputs.map((input) => ({
          sourceId: input.sourceId,
          values: {
            ...values(input.fields),
            reference: `${PREFIX}${input.sourceId}`,
            company: owner,
            ...(typeof input.fields.date === 'string' ? {} : { start_date: toTrytonDate(new Date().toISOString().slice(0, 10)) }),
          },
        })),
      );
      const { created } = creation;
      const states = new Map(inputs.filter((i) => created.has(i.sourceId)).map((i) => [created.get(i.sourceId)!, i.fields.status ?? null]));
      await transition(states);
      const back = new Map((await read([...created.values()])).map((o) => [String(o.id), toRecord(o)]));
      return inputs.map((input) => createdResult(input.sourceId, creation, back));
    },
    async update(inputs: readonly UpdateInput[]): Promise<WriteResult[]> {
      const failed = new Map<string, string>();
      const existing = new Set((await read(inputs.map((i) => Number(i.id)))).map((o) => String(o.id)));
      const live = inputs.filter((i) => {
        if (existing.has(i.id)) return true;
        failed.set(i.id, `opportunity ${i.id} no longer exists`);
        return false;
      });
      // A closed (cancelled or lost) opportunity is taken back to lead before its values
      // change, and closed again after: Tryton's views keep a closed one read only.
      await transition(new Map(live.filter((i) => 'status' in i.fields && i.fields.status !== 'cancelled').map((i) => [Number(i.id), i.fields.status ?? null])));
      for (const input of live) {
        const v = values(input.fields);
        if (Object.keys(v).length === 0) continue;
        try {
          await rpc.model('sale.opportunity', 'write', [[Number(input.id)], v]);
        } catch (error) {
          if (!(error instanceof TrytonError)) throw error;
          failed.set(input.id, errorText(error));
        }
      }
      await transition(new Map(live.filter((i) => i.fields.status === 'cancelled').map((i) => [Number(i.id), 'cancelled'])));
      const back = new Map((await read(live.map((i) => Number(i.id)))).map((o) => [String(o.id), toRecord(o)]));
      return inputs.map((input): WriteResult => {
        const failure = failed.get(input.id);
        const r = back.get(input.id);
        if (failure !== undefined || !r) return { ok: false, sourceId: input.sourceId, id: input.id, error: failure ?? 'not found after update' };
        return { ok: true, sourceId: input.sourceId, id: input.id, fields: r.fields, modifiedAt: r.modifiedAt };
      });
    },
    async remove(ids, policy) {
      // Opportunities cannot be archived: "archive" cancels them; "delete" cancels and deletes
      // (Tryton deletes only cancelled opportunities).
      const out: Array<{ id: string; ok: boolean; error?: string }> = [];
      for (const id of ids.map(Number)) {
        try {
          const [o] = await read([id]);
          if (o) {
            // A lost one goes back to lead first: Tryton cancels (and deletes) only from lead or opportunity.
            if (o.state === 'lost' && policy === 'delete') await rpc.model('sale.opportunity', 'lead', [[id]]);
            if (o.state === 'lead' || o.state === 'opportunity' || (o.state === 'lost' && policy === 'delete')) await rpc.model('sale.opportunity', 'cancel', [[id]]);
            if (policy === 'delete') await rpc.model('sale.opportunity', 'delete', [[id]]);
          }
          out.push({ id: String(id), ok: true });
        } catch (error) {
          if (!(error instanceof TrytonError)) throw error;
          out.push({ id: String(id), ok: false, error: errorText(error) });
        }
      }
      return out;
    },
  };
}
