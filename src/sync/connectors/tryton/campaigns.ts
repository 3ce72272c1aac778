/**
 * Campaigns and their members in Tryton's marketing_email module, the closest documented model
 * it has: mailing lists (`marketing.email.list`: name, language, active) holding e-mail
 * addresses (`marketing.email`: email, list, active; one address per list).
 *
 * - A campaign is a list named `<event title> (iVvy event <id>)`. The list has no other
 *   field to keep the iVvy id in, so the name carries it: it is the pairing key that finds the
 *   list again after a killed run. The event's other fields have no place on a list.
 * - A member is the contact's address on the campaign's list (its CRM id is that
 *   `marketing.email` id). Its state — invitation answer, registered, cancelled, attended,
 *   attended a session — is which of the campaign's status lists, `<campaign list> · <state>`
 *   ("invited: yes", "attended" …), hold the address too: each one is a mailing audience a
 *   Tryton user can write to. Status lists are created when first needed.
 *
 * Tryton keeps one address per list: a create finds the address already on the list (a
 * create repeated after a killed run) and takes it over, so creates need no recovery lookup.
 */
import type { CrmEntity } from '../../connector.js';
import { canonicalValue } from '../../fingerprint.js';
import type { Canonical, ChangePage, CreateInput, FieldValue, SideRecord, UpdateInput, WriteResult } from '../../types.js';
import { createdResult, errorText } from './creates.js';
import { keyedReads } from './keyed-reads.js';
import { toTrytonDateTime, TrytonError, type TrytonRpc } from './rpc.js';
import { changedAt } from './values.js';

interface List {
  id: number;
  name: string;
  language: number;
  active?: boolean | number;
  write_date: unknown;
  create_date: unknown;
}

interface Address {
  id: number;
  email: string;
  list_: number;
  active?: boolean | number;
  write_date: unknown;
  create_date: unknown;
}

export const CAMPAIGN_FIELDS = ['name'] as const;
export const MEMBER_FIELDS = ['campaign', 'email', 'invitation', 'registered', 'cancelled', 'attended', 'sessionAttended'] as const;

/** Member states kept as status lists: the canonical field, its value, the list's suffix. */
export const STATUS_LISTS = [
  { field: 'invitation', value: 'U', label: 'invited: undecided' },
  { field: 'invitation', value: 'Y', label: 'invited: yes' },
  { field: 'invitation', value: 'N', label: 'invited: no' },
  { field: 'registered', value: 'yes', label: 'registered' },
  { field: 'cancelled', value: 'yes', label: 'cancelled' },
  { field: 'attended', value: 'yes', label: 'attended' },
  { field: 'sessionAttended', value: 'yes', label: 'attended a session' },
] as const;

const KEY = / \(iVvy event (\d+)\)$/;
const PAGE = 200;
const LIST_FIELDS = ['name', 'language', 'write_date', 'create_date'];
const ADDRESS_FIELDS = ['email', 'list_', 'active', 'write_date', 'create_date'];

export const campaignListName = (name: string, ivvyId: string): string => `${name} (iVvy event ${ivvyId})`;
export const statusListName = (campaignList: string, label: string): string => `${campaignList} · ${label}`;


/** The language id of new lists (required by Tryton), looked up once. */
function languageOf(rpc: TrytonRpc, code: string): () => Promise<number> {
  let id: Promise<number> | null = null;
  return () =>
    (id ??= rpc.model<number[]>('ir.lang', 'search', [[['code', '=', code]], 0, 1, null]).then((found) => {
      if (found.length === 0) throw new TrytonError(`Tryton has no language '${code}' for mailing lists (tryton.listLanguage)`, 'ConfigError');
      return found[0]!;
    }));
}

/** Campaign lists: every list whose name carries an iVvy event id. */
const CAMPAIGN_DOMAIN = ['name', 'like', '% (iVvy event %)'];

export function openCampaigns(rpc: TrytonRpc, settings: { listLanguage: string; pageSize: number }): CrmEntity {
  const language = languageOf(rpc, settings.listLanguage);

  const toRecord = (l: List): SideRecord => {
    const key = KEY.exec(l.name);
    return {
      id: String(l.id),
      modifiedAt: changedAt(l),
      fields: { name: canonicalValue('name', key ? l.name.slice(0, key.index) : l.name) },
      pairedId: key ? key[1]! : null,
    };
  };

  const read = (ids: readonly number[]) =>
    ids.length === 0 ? Promise.resolve([] as List[]) : rpc.model<List[]>('marketing.email.list', 'search_read', [[['id', 'in', ids]], 0, null, null, LIST_FIELDS]);

  /** Renames a campaign's status lists along with it. */
  const renameStatusLists = async (before: string, after: string) => {
    const names = STATUS_LISTS.map((s) => statusListName(before, s.label));
    const lists = await rpc.model<List[]>('marketing.email.list', 'search_read', [[['name', 'in', names]], 0, null, null, ['name']]);
    for (const l of lists) {
      const label = l.name.slice(before.length + 3);
      await rpc.model('marketing.email.list', 'write', [[l.id], { name: statusListName(after, label) }]);
    }
  };

  return {
    kind: 'campaign',
    fields: CAMPAIGN_FIELDS,
    ...keyedReads<List>({ rpc, model: 'marketing.email.list', keyed: CAMPAIGN_DOMAIN, fields: LIST_FIELDS, pageSize: settings.pageSize, toRecord }),
    get: async (ids) => (await read(ids.map(Number).filter(Number.isSafeInteger))).map(toRecord),
    async findBySourceIds(sourceIds) {
      if (sourceIds.length === 0) return new Map();
      const rows = await rpc.model<List[]>('marketing.email.list', 'search_read', [
        [['OR', ...sourceIds.map((id) => ['name', 'like', `% (iVvy event ${id})`])]],
        0,
        null,
        null,
        ['name'],
      ]);
      const found = new Map<string, string>();
      for (const r of rows) {
        const key = KEY.exec(r.name);
        if (key && !found.has(key[1]!)) found.set(key[1]!, String(r.id));
      }
      return found;
    },
    async create(inputs: readonly CreateInput[]): Promise<WriteResult[]> {
      const out: WriteResult[] = [];
      for (const input of inputs) {
        if (typeof input.fields.name !== 'string') {
          out.push({ ok: false, sourceId: input.sourceId, id: null, error: 'a Tryton mailing list needs a name' });
          continue;
        }
        try {
          const [id] = await rpc.model<number[]>(
            'marketing.email.list',
            'create',
            [[{ name: campaignListName(input.fields.name, input.sourceId), language: await language() }]],
            'create',
          );
          const [back] = await read([id!]);
          const r = toRecord(back!);
          out.push({ ok: true, sourceId: input.sourceId, id: r.id, fields: r.fields, modifiedAt: r.modifiedAt });
        } catch (error) {
          if (!(error instanceof TrytonError)) throw error;
          out.push({ ok: false, sourceId: input.sourceId, id: null, error: errorText(error) });
        }
      }
      return out;
    },
    async update(inputs: readonly UpdateInput[]): Promise<WriteResult[]> {
      const current = new Map((await read(inputs.map((i) => Number(i.id)))).map((l) => [String(l.id), l]));
      const out: WriteResult[] = [];
      for (const input of inputs) {
        const list = current.get(input.id);
        if (!list) {
          out.push({ ok: false, sourceId: input.sourceId, id: input.id, error: `mailing list ${input.id} no longer exists` });
          continue;
        }
        try {
          if (typeof input.fields.name === 'string') {
            const name = campaignListName(input.fields.name, input.sourceId);
            if (name !== list.name) {
              await rpc.model('marketing.email.list', 'write', [[list.id], { name }]);
              await renameStatusLists(list.name, name);
            }
          }
          const [back] = await read([list.id]);
          const r = toRecord(back!);
          out.push({ ok: true, sourceId: input.sourceId, id: input.id, fields: r.fields, modifiedAt: r.modifiedAt });
        } catch (error) {
          if (!(error instanceof TrytonError)) throw error;
          out.push({ ok: false, sourceId: input.sourceId, id: input.id, error: errorText(error) });
        }
      }
      return out;
    },
    async remove(ids, policy) {
      const out: Array<{ id: string; ok: boolean; error?: string }> = [];
      for (const id of ids.map(Number)) {
        try {
          const [list] = await read([id]);
          const related = list ? await rpc.model<number[]>('marketing.email.list', 'search', [[['name', 'in', STATUS_LISTS.map((s) => statusListName(list.name, s.label))]], 0, null, null]) : [];
          const all = list ? [id, ...related] : [];
          if (all.length > 0) {
            if (policy === 'archive') await rpc.model('marketing.email.list', 'write', [all, { active: false }]);
            else {
              const addresses = await rpc.model<number[]>('marketing.email', 'search', [[['list_', 'in', all], ['active', 'in', [true, false]]], 0, null, null]);
              if (addresses.length > 0) await rpc.model('marketing.email', 'delete', [addresses]);
              await rpc.model('marketing.email.list', 'delete', [all]);
            }
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

export function openMembers(rpc: TrytonRpc, settings: { pageSize: number }): CrmEntity {
  /** The campaign lists of the given ids with their existing status lists (label → id). */
  const campaignLists = async (ids: readonly number[]): Promise<Map<number, { list: List; status: Map<string, number> }>> => {
    const out = new Map<number, { list: List; status: Map<string, number> }>();
    const unique = [...new Set(ids)].filter(Number.isSafeInteger);
    if (unique.length === 0) return out;
    const lists = await rpc.model<List[]>('marketing.email.list', 'search_read', [[['id', 'in', unique]], 0, null, null, LIST_FIELDS]);
    const names = lists.flatMap((l) => STATUS_LISTS.map((s) => statusListName(l.name, s.label)));
    const status = await rpc.model<List[]>('marketing.email.list', 'search_read', [[['name', 'in', names]], 0, null, [['id', 'ASC']], ['name']]);
    for (const l of lists) {
      const mine = new Map<string, number>();
      for (const s of STATUS_LISTS) {
        const found = status.find((x) => x.name === statusListName(l.name, s.label));
        if (found && !mine.has(s.label)) mine.set(s.label, found.id);
      }
      out.set(l.id, { list: l, status: mine });
    }
    return out;
  };

  /** Members from their addresses on campaign lists: the states are the status lists also holding them. */
  const records = async (addresses: readonly Address[]): Promise<SideRecord[]> => {
    if (addresses.length === 0) return [];
    const lists = await campaignLists(addresses.map((a) => a.list_));
    const statusIds = [...lists.values()].flatMap((l) => [...l.status.values()]);
    const onStatus =
      statusIds.length === 0
        ? []
        : await rpc.model<Address[]>('marketing.email', 'search_read', [
            [['list_', 'in', statusIds], ['email', 'in', [...new Set(addresses.map((a) => a.email))]]],
            0,
            null,
            null,
            ADDRESS_FIELDS,
          ]);
    return addresses.map((a) => {
      const campaign = lists.get(a.list_);
      const fields: Record<string, FieldValue> = { campaign: String(a.list_), email: canonicalValue('email', a.email) };
      for (const s of STATUS_LISTS) if (!(s.field in fields)) fields[s.field] = null;
      let modifiedAt = changedAt(a);
      for (const s of STATUS_LISTS) {
        const listId = campaign?.status.get(s.label);
        const entry = listId === undefined ? undefined : onStatus.find((x) => x.list_ === listId && x.email === a.email);
        if (entry) {
          fields[s.field] = s.value;
          modifiedAt = Math.max(modifiedAt, changedAt(entry));
        }
      }
      return { id: String(a.id), modifiedAt, fields, pairedId: null };
    });
  };

  const readAddresses = (ids: readonly number[]) =>
    ids.length === 0 ? Promise.resolve([] as Address[]) : rpc.model<Address[]>('marketing.email', 'search_read', [[['id', 'in', ids]], 0, null, null, ADDRESS_FIELDS]);

  /**
   * Makes the status list memberships of a campaign's members match their wanted states, in a
   * handful of calls for the whole batch: one search, one delete, one create, one reactivation.
   */
  const applyStates = async (
    campaign: { list: List; status: Map<string, number> },
    members: ReadonlyArray<{ email: string; previousEmail: string | null; wanted: Canonical }>,
  ) => {
    for (const s of STATUS_LISTS) {
      if (campaign.status.has(s.label) || !members.some((m) => m.wanted[s.field] === s.value)) continue;
      const name = statusListName(campaign.list.name, s.label);
      const [listId] = await rpc.model<number[]>('marketing.email.list', 'create', [[{ name, language: campaign.list.language }]], 'create');
      campaign.status.set(s.label, listId!);
    }
    const statusIds = [...campaign.status.values()];
    if (statusIds.length === 0) return;
    const emails = [...new Set(members.flatMap((m) => [m.email, ...(m.previousEmail ? [m.previousEmail] : [])]))];
    const existing = await rpc.model<Address[]>('marketing.email', 'search_read', [
      [['list_', 'in', statusIds], ['email', 'in', emails], ['active', 'in', [true, false]]],
      0,
      null,
      null,
      ADDRESS_FIELDS,
    ]);
    const stale: number[] = [];
    const create: Array<{ email: string; list_: number }> = [];
    const reactivate: number[] = [];
    for (const m of members) {
      for (const s of STATUS_LISTS) {
        const listId = campaign.status.get(s.label);
        if (listId === undefined) continue;
        const want = m.wanted[s.field] === s.value;
        const mine = existing.filter((e) => e.list_ === listId && (e.email === m.email || e.email === m.previousEmail));
        stale.push(...mine.filter((e) => e.email !== m.email || !want).map((e) => e.id));
        const current = mine.find((e) => e.email === m.email);
        if (want && !current && !create.some((c) => c.list_ === listId && c.email === m.email)) create.push({ email: m.email, list_: listId });
        else if (want && current && !current.active) reactivate.push(current.id);
      }
    }
    if (stale.length > 0) await rpc.model('marketing.email', 'delete', [[...new Set(stale)]]);
    if (create.length > 0) await rpc.model('marketing.email', 'create', [create], 'create');
    if (reactivate.length > 0) await rpc.model('marketing.email', 'write', [reactivate, { active: true }]);
  };

  /** Groups inputs by their campaign list. */
  const byCampaign = <T>(items: readonly T[], listOf: (item: T) => number | undefined) => {
    const out = new Map<number, T[]>();
    for (const item of items) {
      const list = listOf(item);
      if (list !== undefined) out.set(list, [...(out.get(list) ?? []), item]);
    }
    return out;
  };

  const str = (v: FieldValue | undefined) => (typeof v === 'string' ? v : null);

  return {
    kind: 'campaignMember',
    fields: MEMBER_FIELDS,
    async listChanges(since: number, resume: string | null): Promise<ChangePage> {
      const start = resume ? Number(resume) : 0;
      const campaigns = await rpc.model<number[]>('marketing.email.list', 'search', [[CAMPAIGN_DOMAIN], 0, null, null]);
      const t = toTrytonDateTime(since);
      const rows =
        campaigns.length === 0
          ? []
          : await rpc.model<Address[]>('marketing.email', 'search_read', [
              [['list_', 'in', campaigns], ['OR', ['write_date', '>=', t], ['create_date', '>=', t]]],
              start,
              settings.pageSize,
              [['id', 'ASC']],
              ADDRESS_FIELDS,
            ]);
      return { records: await records(rows), next: rows.length < settings.pageSize ? null : String(start + rows.length) };
    },
    get: async (ids) => records(await readAddresses(ids.map(Number).filter(Number.isSafeInteger))),
    async *listIds() {
      const campaigns = await rpc.model<number[]>('marketing.email.list', 'search', [[CAMPAIGN_DOMAIN], 0, null, null]);
      if (campaigns.length === 0) return;
      for (let offset = 0; ; offset += PAGE) {
        const ids = await rpc.model<number[]>('marketing.email', 'search', [[['list_', 'in', campaigns]], offset, PAGE, [['id', 'ASC']]]);
        if (ids.length > 0) yield ids.map(String);
        if (ids.length < PAGE) return;
      }
    },
    // Tryton keeps one address per list: creating again finds the member already there.
    findBySourceIds: async () => new Map(),
    async create(inputs: readonly CreateInput[]): Promise<WriteResult[]> {
      const lists = await campaignLists(inputs.map((i) => Number(i.fields.campaign)).filter(Number.isSafeInteger));
      const created = new Map<string, number>();
      const failed = new Map<string, string>();
      const ready = inputs.filter((input) => {
        const campaign = lists.get(Number(input.fields.campaign));
        if (campaign && str(input.fields.email) !== null) return true;
        failed.set(input.sourceId, !campaign ? "the member's campaign (event) is not in Tryton" : 'a member needs an email address in Tryton');
        return false;
      });
      for (const [listId, members] of byCampaign(ready, (i) => Number(i.fields.campaign))) {
        const campaign = lists.get(listId)!;
        try {
          const emails = members.map((m) => str(m.fields.email)!.toLowerCase());
          const existing = await rpc.model<Address[]>('marketing.email', 'search_read', [
            [['list_', '=', listId], ['email', 'in', [...new Set(emails)]], ['active', 'in', [true, false]]],
            0,
            null,
            null,
            ADDRESS_FIELDS,
          ]);
          const inactive = existing.filter((e) => !e.active).map((e) => e.id);
          if (inactive.length > 0) await rpc.model('marketing.email', 'write', [inactive, { active: true }]);
          const missing = [...new Set(emails.filter((e) => !existing.some((x) => x.email === e)))];
          const ids = missing.length > 0 ? await rpc.model<number[]>('marketing.email', 'create', [missing.map((email) => ({ email, list_: listId }))], 'create') : [];
          const idOf = new Map([...existing.map((e) => [e.email, e.id] as const), ...missing.map((e, i) => [e, ids[i]!] as const)]);
          await applyStates(
            campaign,
            members.map((m, i) => ({ email: emails[i]!, previousEmail: null, wanted: m.fields })),
          );
          members.forEach((m, i) => created.set(m.sourceId, idOf.get(emails[i]!)!));
        } catch (error) {
          if (!(error instanceof TrytonError)) throw error;
          for (const m of members) failed.set(m.sourceId, errorText(error));
        }
      }
      const back = new Map((await records(await readAddresses([...new Set(created.values())]))).map((r) => [r.id, r]));
      return inputs.map((input) => createdResult(input.sourceId, { created, failed }, back));
    },
    async update(inputs: readonly UpdateInput[]): Promise<WriteResult[]> {
      const addresses = new Map((await readAddresses(inputs.map((i) => Number(i.id)))).map((a) => [String(a.id), a]));
      const lists = await campaignLists([...addresses.values()].map((a) => a.list_));
      const failed = new Map<string, string>();
      const ready = inputs.filter((input) => {
        const address = addresses.get(input.id);
        if (address && lists.has(address.list_)) return true;
        failed.set(input.id, `member ${input.id} is no longer on its Tryton mailing list`);
        return false;
      });
      for (const [listId, members] of byCampaign(ready, (i) => addresses.get(i.id)!.list_)) {
        try {
          const changes = members.map((m) => {
            const address = addresses.get(m.id)!;
            const wanted: Canonical = { ...m.known, ...m.fields };
            return { address, email: (str(wanted.email) ?? address.email).toLowerCase(), wanted };
          });
          for (const c of changes) if (c.email !== c.address.email) await rpc.model('marketing.email', 'write', [[c.address.id], { email: c.email }]);
          await applyStates(
            lists.get(listId)!,
            changes.map((c) => ({ email: c.email, previousEmail: c.email !== c.address.email ? c.address.email : null, wanted: c.wanted })),
          );
        } catch (error) {
          if (!(error instanceof TrytonError)) throw error;
          for (const m of members) failed.set(m.id, errorText(error));
        }
      }
      const back = new Map((await records(await readAddresses(inputs.filter((i) => !failed.has(i.id)).map((i) => Number(i.id))))).map((r) => [r.id, r]));
      return inputs.map((input): WriteResult => {
        const r = back.get(input.id);
        if (!r) return { ok: false, sourceId: input.sourceId, id: input.id, error: failed.get(input.id) ?? 'not found after update' };
        return { ok: true, sourceId: input.sourceId, id: input.id, fields: r.fields, modifiedAt: r.modifiedAt };
      });
    },
    async remove(ids) {
      const out: Array<{ id: string; ok: boolean; error?: string }> = [];
      const addresses = await readAddresses(ids.map(Number));
      const lists = await campaignLists(addresses.map((a) => a.list_));
      for (const id of ids) {
        const address = addresses.find((a) => String(a.id) === id);
        try {
          if (address) {
            const campaign = lists.get(address.list_);
            if (campaign) await applyStates(campaign, [{ email: address.email, previousEmail: null, wanted: {} }]);
            await rpc.model('marketing.email', 'delete', [[address.id]]);
          }
          out.push({ id, ok: true });
        } catch (error) {
          if (!(error instanceof TrytonError)) throw error;
          out.push({ id, ok: false, error: errorText(error) });
        }
      }
      return out;
    },
  };
}
