/**
 * Contacts and companies as Tryton parties (modules `party`): a party is a contact or a
 * company by carrying the configured category ("iVvy contact" / "iVvy company", created on
 * first use). Mapping:
 *
 * - contact name: Tryton keeps one `name`; it is "first last" and reads back split at the
 *   last space (first name = everything before it).
 * - email, phone, and custom fields named after a contact mechanism type (mobile, fax,
 *   website, skype, sip, irc, jabber, other): the party's first contact mechanism of that type.
 *   Phone numbers (phone, mobile, fax) are written in E.164 (phone.ts) and read back in it
 *   (`value_compact`, which Tryton keeps in E.164 when python3-phonenumbers is installed, and
 *   as typed otherwise).
 * - a value Tryton refuses (an invalid phone number) is left out and reported; the rest of
 *   the party is written (connectors/refusals.ts).
 * - company address: the party's first address (street = line 1 and line 2 on two lines,
 *   city, postal code; country and state when Tryton's country data is loaded).
 * - subscription groups: categories under the configured parent category, by name.
 * - the iVvy id: a party identifier `ivvy-contact:<id>` / `ivvy-company:<id>`, which finds a
 *   party again after a killed run and pairs a party with its iVvy record.
 */
import { canonicalValue } from '../../fingerprint.js';
import type { CrmEntity, EntityKind, EntityOptions } from '../../connector.js';
import { normalisePhone } from '../../phone.js';
import type { Canonical, ChangePage, CreateInput, FieldRefusal, FieldValue, SideRecord, UpdateInput, WriteResult } from '../../types.js';
import { writeDroppingRefused, type RefusalHint } from '../refusals.js';
import { errorText } from './creates.js';
import { fromTrytonDateTime, toTrytonDateTime, TrytonError, type TrytonRpc } from './rpc.js';

const MECHANISM_TYPES = ['mobile', 'fax', 'website', 'skype', 'sip', 'irc', 'jabber', 'other'] as const;
/** Contact mechanism types Tryton checks as phone numbers (with python3-phonenumbers). */
const PHONE_TYPES = new Set(['phone', 'mobile', 'fax']);
/** The fields a party cannot be written without. */
const NAME_FIELDS = new Set(['firstName', 'lastName', 'name']);

interface Party {
  id: number;
  name: string | null;
  write_date: unknown;
  create_date: unknown;
  categories: number[];
}

interface Mechanism {
  id: number;
  party: number;
  type: string;
  value: string | null;
  value_compact: string | null;
  write_date: unknown;
  create_date: unknown;
}

interface Address {
  id: number;
  party: number;
  street: string | null;
  city: string | null;
  postal_code: string | null;
  country: number | null;
  subdivision: number | null;
  write_date: unknown;
  create_date: unknown;
}

interface Identifier {
  id: number;
  party: number;
  code: string;
}

export interface PartySettings {
  contactCategory: string;
  companyCategory: string;
  groupsCategory: string;
  pageSize: number;
}

/** Splits "first last" at the last space. */
export function splitName(name: string | null): { firstName: string | null; lastName: string | null } {
  const text = (name ?? '').trim().replace(/\s+/g, ' ');
  if (text === '') return { firstName: null, lastName: null };
  const at = text.lastIndexOf(' ');
  if (at < 0) return { firstName: null, lastName: text };
  return { firstName: text.slice(0, at), lastName: text.slice(at + 1) };
}

const joinName = (first: FieldValue, last: FieldValue) =>
  [first, last].filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ');

/** No party ever has this category id: what a dry run uses for a category not created yet. */
const MISSING_CATEGORY = -1;

async function ensureCategory(rpc: TrytonRpc, name: string, parent: number | null, readOnly = false): Promise<number> {
  const domain: unknown[] = [['name', '=', name], ['parent', '=', parent]];
  const found = await rpc.model<number[]>('party.category', 'search', [domain, 0, 1, null]);
  if (found.length > 0) return found[0]!;
  if (readOnly) return MISSING_CATEGORY;
  const [id] = await rpc.model<number[]>('party.category', 'create', [[{ name, parent }]], 'create');
  return id!;
}

export async function openParties(
  rpc: TrytonRpc,
  kind: Extract<EntityKind, 'contact' | 'company'>,
  options: EntityOptions,
  settings: PartySettings,
): Promise<CrmEntity> {
  const isContact = kind === 'contact';
  const readOnly = options.readOnly === true;
  const categoryId = await ensureCategory(rpc, isContact ? settings.contactCategory : settings.companyCategory, null, readOnly);
  const keyPrefix = isContact ? 'ivvy-contact:' : 'ivvy-company:';
  const mechanismFields = options.customFields.filter((f): f is (typeof MECHANISM_TYPES)[number] =>
    (MECHANISM_TYPES as readonly string[]).includes(f),
  );

  // Subscription groups are the categories under one parent, known by name.
  const withGroups = isContact && options.groups;
  const groupParent = withGroups ? await ensureCategory(rpc, settings.groupsCategory, null, readOnly) : null;
  const groupNames = new Map<number, string>();
  const groupIds = new Map<string, number>();
  if (groupParent !== null) {
    const rows = await rpc.model<Array<{ id: number; name: string }>>('party.category', 'search_read', [
      [['parent', '=', groupParent]],
      0,
      null,
      null,
      ['name'],
    ]);
    for (const r of rows) {
      groupNames.set(r.id, r.name);
      groupIds.set(r.name, r.id);
    }
  }
  const groupId = async (name: string): Promise<number> => {
    const known = groupIds.get(name);
    if (known !== undefined) return known;
    const id = await ensureCategory(rpc, name, groupParent);
    groupIds.set(name, id);
    groupNames.set(id, name);
    return id;
  };

  // Country and state codes ↔ ids, read when first needed (Tryton may have no country data).
  const countryIds = new Map<string, number | null>();
  const countryCodes = new Map<number, string>();
  const subdivisionCodes = new Map<number, string>();
  const countryId = async (code: string): Promise<number | null> => {
    if (!countryIds.has(code)) {
      const rows = await rpc.model<Array<{ id: number; code: string }>>('country.country', 'search_read', [[['code', '=', code]], 0, 1, null, ['code']]);
      countryIds.set(code, rows[0]?.id ?? null);
      if (rows[0]) countryCodes.set(rows[0].id, rows[0].code);
    }
    return countryIds.get(code) ?? null;
  };
  const subdivisionId = async (country: number, state: string, countryCode: string): Promise<number | null> => {
    const rows = await rpc.model<Array<{ id: number; code: string }>>('country.subdivision', 'search_read', [
      [['country', '=', country], ['code', 'in', [state, `${countryCode}-${state}`]]],
      0,
      1,
      null,
      ['code'],
    ]);
    if (rows[0]) subdivisionCodes.set(rows[0].id, rows[0].code);
    return rows[0]?.id ?? null;
  };
  const codesOf = async (addresses: readonly Address[]) => {
    const countries = [...new Set(addresses.map((a) => a.country).filter((c): c is number => c !== null && !countryCodes.has(c)))];
    if (countries.length > 0) {
      const rows = await rpc.model<Array<{ id: number; code: string }>>('country.country', 'read', [countries, ['code']]);
      for (const r of rows) countryCodes.set(r.id, r.code);
    }
    const subs = [...new Set(addresses.map((a) => a.subdivision).filter((s): s is number => s !== null && !subdivisionCodes.has(s)))];
    if (subs.length > 0) {
      const rows = await rpc.model<Array<{ id: number; code: string }>>('country.subdivision', 'read', [subs, ['code']]);
      for (const r of rows) subdivisionCodes.set(r.id, r.code);
    }
  };

  const baseFields = isContact
    ? ['firstName', 'lastName', 'email', 'phone']
    : ['name', 'email', 'phone', 'website', 'address.line1', 'address.line2', 'address.city', 'address.postalCode', 'address.country', 'address.state'];
  const fields = [
    ...baseFields,
    ...mechanismFields.filter((t) => !baseFields.includes(t)).map((t) => `custom:${t}`),
    ...(withGroups ? ['groups'] : []),
  ];
  // Canonical field → contact mechanism type.
  const mechanismOf: Record<string, string> = { email: 'email', phone: 'phone' };
  if (!isContact) mechanismOf.website = 'website';
  for (const t of mechanismFields) mechanismOf[`custom:${t}`] = t;

  interface Loaded {
    party: Party;
    mechanisms: Mechanism[];
    addresses: Address[];
    identifiers: Identifier[];
  }

  const load = async (parties: readonly Party[]): Promise<Loaded[]> => {
    if (parties.length === 0) return [];
    const ids = parties.map((p) => p.id);
    const [mechanisms, addresses, identifiers] = await Promise.all([
      rpc.model<Mechanism[]>('party.contact_mechanism', 'search_read', [
        [['party', 'in', ids]],
        0,
        null,
        [['sequence', 'ASC'], ['id', 'ASC']],
        ['party', 'type', 'value', 'value_compact', 'write_date', 'create_date'],
      ]),
      isContact
        ? Promise.resolve([] as Address[])
        : rpc.model<Address[]>('party.address', 'search_read', [
            [['party', 'in', ids]],
            0,
            null,
            [['sequence', 'ASC'], ['id', 'ASC']],
            ['party', 'street', 'city', 'postal_code', 'country', 'subdivision', 'write_date', 'create_date'],
          ]),
      rpc.model<Identifier[]>('party.identifier', 'search_read', [
        [['party', 'in', ids], ['code', 'like', `${keyPrefix}%`]],
        0,
        null,
        null,
        ['party', 'code'],
      ]),
    ]);
    await codesOf(addresses);
    const by = <T extends { party: number }>(rows: T[]) => {
      const m = new Map<number, T[]>();
      for (const r of rows) m.set(r.party, [...(m.get(r.party) ?? []), r]);
      return m;
    };
    const mech = by(mechanisms);
    const addr = by(addresses);
    const ident = by(identifiers);
    return parties.map((party) => ({
      party,
      mechanisms: mech.get(party.id) ?? [],
      addresses: addr.get(party.id) ?? [],
      identifiers: ident.get(party.id) ?? [],
    }));
  };

  const toRecord = ({ party, mechanisms, addresses, identifiers }: Loaded): SideRecord => {
    const out: Record<string, FieldValue> = {};
    if (isContact) {
      const { firstName, lastName } = splitName(party.name);
      out.firstName = canonicalValue('firstName', firstName);
      out.lastName = canonicalValue('lastName', lastName);
    } else {
      out.name = canonicalValue('name', party.name);
    }
    for (const [field, type] of Object.entries(mechanismOf)) {
      const m = mechanisms.find((x) => x.type === type);
      out[field] = canonicalValue(field, (PHONE_TYPES.has(type) ? m?.value_compact : null) ?? m?.value ?? null);
    }
    if (!isContact) {
      const a = addresses[0];
      const lines = (a?.street ?? '').split('\n');
      out['address.line1'] = canonicalValue('address.line1', lines[0]);
      out['address.line2'] = canonicalValue('address.line2', lines.slice(1).join(' '));
      out['address.city'] = canonicalValue('address.city', a?.city);
      out['address.postalCode'] = canonicalValue('address.postalCode', a?.postal_code);
      const country = a?.country != null ? (countryCodes.get(a.country) ?? null) : null;
      out['address.country'] = canonicalValue('address.country', country);
      const sub = a?.subdivision != null ? (subdivisionCodes.get(a.subdivision) ?? null) : null;
      out['address.state'] = canonicalValue('address.state', sub && country && sub.startsWith(`${country}-`) ? sub.slice(country.length + 1) : sub);
    }
    if (withGroups) {
      out.groups = canonicalValue(
        'groups',
        party.categories.map((c) => groupNames.get(c)).filter((n): n is string => n !== undefined),
      );
    }
    const stamps = [party, ...mechanisms, ...addresses].map((r) => fromTrytonDateTime(r.write_date) ?? fromTrytonDateTime(r.create_date) ?? 0);
    const key = identifiers[0]?.code;
    return {
      id: String(party.id),
      modifiedAt: Math.max(0, ...stamps),
      fields: out,
      pairedId: key ? key.slice(keyPrefix.length) : null,
    };
  };

  const PARTY_FIELDS = ['name', 'write_date', 'create_date', 'categories'];
  const inCategory = ['categories', 'in', [categoryId]];

  const readParties = async (ids: readonly number[]): Promise<Party[]> =>
    ids.length === 0
      ? []
      : rpc.model<Party[]>('party.party', 'search_read', [[['id', 'in', ids], inCategory], 0, null, [['id', 'ASC']], PARTY_FIELDS]);

  const get = async (ids: readonly string[]): Promise<SideRecord[]> => {
    const numeric = ids.map(Number).filter((n) => Number.isSafeInteger(n));
    return (await load(await readParties(numeric))).map(toRecord);
  };

  const mechanismValue = (type: string, value: string) => (PHONE_TYPES.has(type) ? normalisePhone(value, options.defaultRegion) : value);

  /**
   * Which fields a Tryton refusal names: its messages quote the refused value (`The phone
   * number "(745) 550-6326" for party "…" is not valid.`). Only UserErrors (validation) are
   * refusals of values.
   */
  const refusal = (error: unknown, fields: Canonical): RefusalHint | null => {
    if (!(error instanceof TrytonError) || error.kind !== 'UserError') return null;
    const named = Object.entries(fields)
      .filter(([field, value]) => {
        if (typeof value !== 'string' || NAME_FIELDS.has(field)) return false;
        const type = mechanismOf[field];
        const sent = type ? mechanismValue(type, value) : value;
        return error.detail.includes(`"${value}"`) || error.detail.includes(`"${sent}"`);
      })
      .map(([field]) => field);
    return { fields: named, message: () => error.detail };
  };
  const droppable = (field: string) => !NAME_FIELDS.has(field);

  /** Party values and x2many operations for changed canonical fields. */
  const valuesFor = async (changes: Canonical, known: Canonical | null, current: Loaded | null, sourceId: string) => {
    const values: Record<string, unknown> = {};
    if (isContact) {
      if ('firstName' in changes || 'lastName' in changes) {
        const first = 'firstName' in changes ? changes.firstName! : (known?.firstName ?? null);
        const last = 'lastName' in changes ? changes.lastName! : (known?.lastName ?? null);
        const name = joinName(first ?? null, last ?? null);
        if (name !== '') values.name = name;
      }
    } else if ('name' in changes && typeof changes.name === 'string') {
      values.name = changes.name;
    }
    const mechOps: unknown[] = [];
    const creates: Array<Record<string, unknown>> = [];
    for (const [field, type] of Object.entries(mechanismOf)) {
      if (!(field in changes)) continue;
      const value = changes[field];
      const existing = current?.mechanisms.find((m) => m.type === type);
      const text = typeof value === 'string' ? mechanismValue(type, value) : null;
      if (existing && text === null) mechOps.push(['delete', [existing.id]]);
      else if (existing && text !== null) mechOps.push(['write', [existing.id], { value: text }]);
      else if (text !== null) creates.push({ type, value: text });
    }
    if (creates.length > 0) mechOps.push(['create', creates]);
    if (mechOps.length > 0) values.contact_mechanisms = mechOps;

    if (!isContact && Object.keys(changes).some((k) => k.startsWith('address.'))) {
      const pickValue = (f: string): string | null => {
        const v = f in changes ? changes[f] : (known?.[f] ?? null);
        return typeof v === 'string' ? v : null;
      };
      const street = [pickValue('address.line1'), pickValue('address.line2')].filter((s): s is string => s !== null).join('\n');
      const code = pickValue('address.country');
      const country = code ? await countryId(code) : null;
      const state = pickValue('address.state');
      const address: Record<string, unknown> = {
        street: street === '' ? null : street,
        city: pickValue('address.city'),
        postal_code: pickValue('address.postalCode'),
        country,
        subdivision: country !== null && state && code ? await subdivisionId(country, state, code) : null,
      };
      const existing = current?.addresses[0];
      values.addresses = existing ? [['write', [existing.id], address]] : [['create', [address]]];
    }

    if (withGroups && 'groups' in changes) {
      const names = typeof changes.groups === 'string' ? [changes.groups] : (changes.groups ?? []);
      const wanted = new Set<number>();
      for (const n of names) wanted.add(await groupId(n));
      const have = new Set((current?.party.categories ?? []).filter((c) => groupNames.has(c)));
      const add = [...wanted].filter((c) => !have.has(c));
      const remove = [...have].filter((c) => !wanted.has(c));
      const ops: unknown[] = [];
      if (add.length > 0) ops.push(['add', add]);
      if (remove.length > 0) ops.push(['remove', remove]);
      if (ops.length > 0) values.categories = ops;
    }
    if (current === null || !current.identifiers.some((i) => i.code === `${keyPrefix}${sourceId}`)) {
      const ops: unknown[] = [];
      if (current && current.identifiers.length > 0) ops.push(['delete', current.identifiers.map((i) => i.id)]);
      ops.push(['create', [{ code: `${keyPrefix}${sourceId}` }]]);
      values.identifiers = ops;
    }
    return values;
  };

  const readBack = async (ids: readonly number[]): Promise<Map<string, SideRecord>> =>
    new Map((await load(await readParties(ids))).map(toRecord).map((r) => [r.id, r]));

  return {
    kind,
    fields,
    async listChanges(since: number, resume: string | null): Promise<ChangePage> {
      const position = resume ? (JSON.parse(resume) as { start: number; total: number }) : { start: 0, total: null };
      const t = toTrytonDateTime(since);
      const changed = [
        'OR',
        ['write_date', '>=', t],
        ['create_date', '>=', t],
        ['contact_mechanisms.write_date', '>=', t],
        ['contact_mechanisms.create_date', '>=', t],
        ...(isContact ? [] : [['addresses.write_date', '>=', t], ['addresses.create_date', '>=', t]]),
      ];
      const domain = [inCategory, changed];
      const total = await rpc.model<number>('party.party', 'search_count', [domain]);
      // A record or two is read again on every page: a deletion before the position can
      // shift the list while the total stays the same (see ivvy/feed.ts).
      let start = Math.max(0, position.start - (position.start > 0 ? Math.min(2, settings.pageSize - 1) : 0));
      if (position.total !== null && total < position.total) start = Math.max(0, start - (position.total - total));
      const parties = await rpc.model<Party[]>('party.party', 'search_read', [domain, start, settings.pageSize, [['id', 'ASC']], PARTY_FIELDS]);
      const records = (await load(parties)).map(toRecord);
      const reached = start + parties.length;
      const done = parties.length === 0 || reached >= total;
      return { records, next: done ? null : JSON.stringify({ start: reached, total }), remaining: done ? 0 : Math.max(0, total - reached) };
    },
    get,
    async *listIds() {
      for (let offset = 0; ; ) {
        const ids = await rpc.model<number[]>('party.party', 'search', [[inCategory], offset, 1000, [['id', 'ASC']]]);
        if (ids.length > 0) yield ids.map(String);
        if (ids.length < 1000) return;
        offset += ids.length;
      }
    },
    async findBySourceIds(sourceIds) {
      if (sourceIds.length === 0) return new Map();
      const rows = await rpc.model<Identifier[]>('party.identifier', 'search_read', [
        [['code', 'in', sourceIds.map((id) => `${keyPrefix}${id}`)], ['party.categories', 'in', [categoryId]]],
        0,
        null,
        null,
        ['party', 'code'],
      ]);
      return new Map(rows.map((r) => [r.code.slice(keyPrefix.length), String(r.party)]));
    },
    async create(inputs: readonly CreateInput[]): Promise<WriteResult[]> {
      const valuesOf = async (fields: Canonical, sourceId: string): Promise<Record<string, unknown>> => {
        const values = await valuesFor(fields, null, null, sourceId);
        const categories = [categoryId, ...((values.categories as Array<[string, number[]]> | undefined)?.flatMap(([op, ids]) => (op === 'add' ? ids : [])) ?? [])];
        return { ...values, categories: [['add', categories]] };
      };
      const results = new Map<string, WriteResult>();
      const ready: Array<{ input: CreateInput; values: Record<string, unknown> }> = [];
      for (const input of inputs) {
        const values = await valuesOf(input.fields, input.sourceId);
        if (typeof values.name !== 'string') {
          results.set(input.sourceId, { ok: false, sourceId: input.sourceId, id: null, error: `Tryton needs a name to create a ${kind} party` });
        } else {
          ready.push({ input, values });
        }
      }
      // Tryton validates a create call as a whole: when it refuses the batch, each party is
      // created alone, leaving out the values Tryton refuses.
      const created = new Map<string, { id: number; refused: FieldRefusal[] }>();
      if (ready.length > 0) {
        try {
          const ids = await rpc.model<number[]>('party.party', 'create', [ready.map((r) => r.values)], 'create');
          ready.forEach((r, i) => created.set(r.input.sourceId, { id: ids[i]!, refused: [] }));
        } catch (error) {
          if (!(error instanceof TrytonError)) throw error;
          for (const { input } of ready) {
            const outcome = await writeDroppingRefused(
              input.fields,
              async (fields) => (await rpc.model<number[]>('party.party', 'create', [[await valuesOf(fields, input.sourceId)]], 'create'))[0]!,
              { refusal, droppable },
            );
            if (outcome.ok) created.set(input.sourceId, { id: outcome.value, refused: outcome.refused });
            else if (outcome.error instanceof TrytonError) results.set(input.sourceId, { ok: false, sourceId: input.sourceId, id: null, error: errorText(outcome.error) });
            else throw outcome.error;
          }
        }
      }
      const back = await readBack([...created.values()].map((c) => c.id));
      return inputs.map((input): WriteResult => {
        const early = results.get(input.sourceId);
        if (early) return early;
        const made = created.get(input.sourceId);
        const record = made ? back.get(String(made.id)) : undefined;
        if (!made || !record) return { ok: false, sourceId: input.sourceId, id: null, error: 'not created' };
        return { ok: true, sourceId: input.sourceId, id: record.id, fields: record.fields, modifiedAt: record.modifiedAt, ...(made.refused.length > 0 ? { refused: made.refused } : {}) };
      });
    },
    async update(inputs: readonly UpdateInput[]): Promise<WriteResult[]> {
      const ids = inputs.map((i) => Number(i.id));
      const current = new Map((await load(await readParties(ids))).map((l) => [String(l.party.id), l]));
      const writes: Array<{ input: UpdateInput; values: Record<string, unknown> }> = [];
      const results = new Map<string, WriteResult>();
      for (const input of inputs) {
        const loaded = current.get(input.id);
        if (!loaded) {
          results.set(input.id, { ok: false, sourceId: input.sourceId, id: input.id, error: `party ${input.id} no longer exists` });
          continue;
        }
        const values = await valuesFor(input.fields, input.known, loaded, input.sourceId);
        if (Object.keys(values).length > 0) writes.push({ input, values });
      }
      const failures = new Map<string, string>();
      const refusals = new Map<string, FieldRefusal[]>();
      if (writes.length > 0) {
        try {
          await rpc.model('party.party', 'write', writes.flatMap((w) => [[Number(w.input.id)], w.values]));
        } catch (error) {
          if (!(error instanceof TrytonError)) throw error;
          // One party at a time, leaving out the values Tryton refuses.
          for (const w of writes) {
            const loaded = current.get(w.input.id)!;
            const outcome = await writeDroppingRefused(
              w.input.fields,
              async (fields) => {
                const values = await valuesFor(fields, w.input.known, loaded, w.input.sourceId);
                if (Object.keys(values).length > 0) await rpc.model('party.party', 'write', [[Number(w.input.id)], values]);
              },
              { refusal, droppable },
            );
            if (outcome.ok) {
              if (outcome.refused.length > 0) refusals.set(w.input.id, outcome.refused);
            } else if (outcome.error instanceof TrytonError) {
              failures.set(w.input.id, errorText(outcome.error));
            } else {
              throw outcome.error;
            }
          }
        }
      }
      const back = await readBack(ids.filter((id) => !results.has(String(id))));
      return inputs.map((input): WriteResult => {
        const early = results.get(input.id);
        if (early) return early;
        const failure = failures.get(input.id);
        const record = back.get(input.id);
        if (failure || !record) return { ok: false, sourceId: input.sourceId, id: input.id, error: failure ?? 'not found after update' };
        const refused = refusals.get(input.id);
        return { ok: true, sourceId: input.sourceId, id: input.id, fields: record.fields, modifiedAt: record.modifiedAt, ...(refused ? { refused } : {}) };
      });
    },
    async remove(ids, policy) {
      const numeric = ids.map(Number);
      const out: Array<{ id: string; ok: boolean; error?: string }> = [];
      for (const id of numeric) {
        try {
          if (policy === 'archive') await rpc.model('party.party', 'write', [[id], { active: false }]);
          else await rpc.model('party.party', 'delete', [[id]]);
          out.push({ id: String(id), ok: true });
        } catch (error) {
          if (!(error instanceof TrytonError)) throw error;
          // Already gone is what was asked for.
          const gone = (await rpc.model<number[]>('party.party', 'search', [[['id', '=', id]], 0, 1, null])).length === 0;
          out.push(gone ? { id: String(id), ok: true } : { id: String(id), ok: false, error: errorText(error) });
        }
      }
      return out;
    },
  };
}
