/**
 * Contacts, two-way (crm-systems.md, Contacts). iVvy reads: getContactList with
 * `fromModifiedDate`; writes: addOrUpdateContact (by id, never by the first name + last name +
 * email triple), with the CRM id in `externalId` so the pair survives any rename.
 *
 * Canonical fields: firstName, lastName, email, phone, `custom:<crm field>` per mapped custom
 * field, `groups` (subscription group names) when subscription groups are enabled, and
 * `companies` (company membership) when `companies` is enabled: the CRM ids of the contact's
 * companies, translated through the companies module's pairs. A company iVvy has but the CRM
 * does not (not paired yet) is kept as `ivvy:<id>`, so that writing the CRM's membership back
 * never drops it from iVvy; a CRM company with no iVvy counterpart is not written to iVvy.
 */
import type { SyncModule, ModuleContext, IvvySide, ModuleSettings } from '../module.js';
import { offsetFeed } from '../ivvy/feed.js';
import {
  customKey,
  findByExternalIds,
  modifiedAt,
  readCustomFields,
  stringId,
  writeCustomFields,
  type CustomFieldMap,
} from '../ivvy/records.js';
import { upsertWriter } from '../ivvy/upsert-writer.js';
import { canonicalValue } from '../fingerprint.js';
import type { Canonical, FieldValue, SideRecord } from '../types.js';
import type { IvvyApi, IvvyResult } from '../ivvy/api.js';
import { IvvyApiError } from '../../client/index.js';
import { crmIdsOf, ivvyIdsOf } from '../ivvy/related.js';
import type { LinkStore } from '../store/links.js';

type IvvyContact = IvvyResult<'contact', 'getContact'>;

interface SubscriptionGroup {
  id: number;
  groupName: string;
}

const BASE_FIELDS = ['firstName', 'lastName', 'email', 'phone'] as const;
/** Specific code of getContact for a contact that does not exist. */
const CONTACT_NOT_FOUND = 24096;
/** iVvy requires these to create a contact (and refuses to blank them). */
const REQUIRED = ['firstName', 'lastName', 'email'] as const;

/** Subscription groups: iVvy ids ↔ names (the CRM knows groups by name). */
async function loadGroups(api: IvvyApi): Promise<{ byId: Map<number, string>; byName: Map<string, number> }> {
  const answer = await api.call<SubscriptionGroup[] | { results: SubscriptionGroup[] }>('contact', 'getSubscriptionGroupList', {});
  const list = Array.isArray(answer) ? answer : (answer.results ?? []);
  const byId = new Map<number, string>();
  const byName = new Map<string, number>();
  for (const g of list) {
    const name = String(g.groupName).trim();
    byId.set(Number(g.id), name);
    if (!byName.has(name)) byName.set(name, Number(g.id));
  }
  return { byId, byName };
}

function groupsSetting(settings: ModuleSettings): boolean {
  return settings.subscriptionGroups === true;
}

function companiesSetting(settings: ModuleSettings): boolean {
  return settings.companies === true;
}

/** Prefix of a company iVvy holds that has no CRM counterpart (yet). */
const UNPAIRED = 'ivvy:';

/** iVvy company ids → canonical membership (CRM ids, or `ivvy:<id>` when unpaired). */
async function membershipOf(links: LinkStore, contacts: readonly IvvyContact[]): Promise<Map<number, FieldValue>> {
  const all = contacts.flatMap((c) => (c.companies ?? []).map(String));
  const paired = await crmIdsOf(links, 'companies', all);
  return new Map(
    contacts.map((c) => [c.id, canonicalValue('companies', (c.companies ?? []).map((id) => paired.get(String(id)) ?? `${UNPAIRED}${id}`))]),
  );
}

export const contactsModule: SyncModule = {
  name: 'contacts',
  description: 'Contacts, both ways, paired by id map and externalId',
  kind: 'contact',
  twoWay: true,
  dependsOn: [],
  webhook: {
    endpoint: 'contactsEndpoint',
    changed: ['ContactAdded', 'ContactUpdated'],
    deleted: { subject: 'ContactDeleted', idKey: 'contactId' },
  },
  entityOptions: (settings) => ({
    customFields: settings.customFields.map((m) => m.crm),
    groups: groupsSetting(settings),
    companies: companiesSetting(settings),
  }),

  async open(ctx: ModuleContext): Promise<IvvySide> {
    const map: CustomFieldMap = ctx.settings.customFields;
    const withGroups = groupsSetting(ctx.settings);
    const groups = withGroups ? await loadGroups(ctx.api) : null;
    const withCompanies = companiesSetting(ctx.settings);
    const fields = [...BASE_FIELDS, ...map.map((m) => customKey(m.crm)), ...(withGroups ? ['groups'] : []), ...(withCompanies ? ['companies'] : [])];

    const toRecords = async (page: readonly IvvyContact[]): Promise<SideRecord[]> => {
      if (!withCompanies) return page.map((c) => toRecord(c, null));
      const membership = await membershipOf(ctx.links, page);
      return page.map((c) => toRecord(c, membership.get(c.id) ?? null));
    };

    const toRecord = (c: IvvyContact, companies: FieldValue): SideRecord => {
      const out: Record<string, FieldValue> = {};
      for (const f of BASE_FIELDS) out[f] = canonicalValue(f, c[f]);
      Object.assign(out, readCustomFields(c.customFields, map));
      if (groups) {
        const names = (c.groups ?? []).map((g) => groups.byId.get(Number(g.groupId))).filter((n): n is string => n !== undefined);
        out.groups = canonicalValue('groups', names);
      }
      if (withCompanies) out.companies = companies;
      return { id: String(c.id), modifiedAt: modifiedAt(c.modifiedDate), fields: out, pairedId: stringId(c.externalId) };
    };

    const feed = offsetFeed<IvvyContact>({
      api: ctx.api,
      namespace: 'contact',
      action: 'getContactList',
      perPage: ctx.pageSize,
      toRecords,
    });

    /** The `companies` parameter for a canonical membership, and the membership iVvy will then hold. */
    const companiesParam = async (values: FieldValue, known: FieldValue): Promise<{ ids: number[]; held: FieldValue }> => {
      const list = (v: FieldValue) => (v === null ? [] : typeof v === 'string' ? [v] : [...v]);
      const wanted = list(values);
      // Companies iVvy holds without a CRM counterpart are kept: the CRM cannot know them.
      const unpaired = [...wanted, ...list(known)].filter((v) => v.startsWith(UNPAIRED));
      const crmIds = wanted.filter((v) => !v.startsWith(UNPAIRED));
      const resolved = await ivvyIdsOf(ctx.links, 'companies', crmIds);
      const ids = [...new Set([...crmIds.flatMap((id) => (resolved.has(id) ? [Number(resolved.get(id))] : [])), ...unpaired.map((v) => Number(v.slice(UNPAIRED.length)))])];
      return { ids: ids.filter((n) => Number.isSafeInteger(n)), held: canonicalValue('companies', [...crmIds.filter((id) => resolved.has(id)), ...unpaired]) };
    };

    /** addOrUpdateContact parameters for canonical fields; groups outside iVvy's list are dropped. */
    const params = async (values: Canonical, creating: boolean, known: Canonical | null): Promise<{ params: Record<string, unknown>; held: Canonical }> => {
      const p: Record<string, unknown> = {};
      const held: Record<string, FieldValue> = {};
      for (const f of BASE_FIELDS) {
        if (!(f in values)) continue;
        const v = values[f] ?? null;
        if (v === null && (REQUIRED as readonly string[]).includes(f)) continue;
        p[f] = v ?? '';
        held[f] = v;
      }
      const custom = writeCustomFields(values, map);
      if (custom) {
        p.customFields = custom;
        for (const m of map) if (customKey(m.crm) in values) held[customKey(m.crm)] = values[customKey(m.crm)] ?? null;
      }
      if (groups && 'groups' in values) {
        const names = typeof values.groups === 'string' ? [values.groups] : (values.groups ?? []);
        const ids = names.map((n) => groups.byName.get(n)).filter((id): id is number => id !== undefined);
        p.groups = ids.map((groupId) => ({ groupId }));
        held.groups = canonicalValue('groups', names.filter((n) => groups.byName.has(n)));
      } else if (creating && groups) {
        held.groups = null;
      }
      if (withCompanies && 'companies' in values) {
        const { ids, held: membership } = await companiesParam(values.companies ?? null, known?.companies ?? null);
        p.companies = ids;
        held.companies = membership;
      } else if (creating && withCompanies) {
        held.companies = null;
      }
      return { params: p, held };
    };

    return {
      fields,
      listChanges: feed.listChanges,
      async get(ids) {
        const found: IvvyContact[] = [];
        for (const id of ids) {
          try {
            found.push(await ctx.api.call<IvvyContact>('contact', 'getContact', { id: Number(id) }));
          } catch (error) {
            // Not found: deleted.
            if (error instanceof IvvyApiError && (error.specificCode === CONTACT_NOT_FOUND || error.status === 404)) continue;
            throw error;
          }
        }
        return toRecords(found);
      },
      async *listIds() {
        for await (const page of feed.listAll()) yield page.map((c) => String(c.id));
      },
      writer: upsertWriter({
        writer: ctx.writer,
        namespace: 'contact',
        action: 'addOrUpdateContact',
        cannotCreate: (fields) => {
          const missing = REQUIRED.filter((f) => fields[f] === null || fields[f] === undefined);
          return missing.length > 0 ? `iVvy needs ${missing.join(', ')} to create a contact` : null;
        },
        params: params,
        findBySourceIds: (sourceIds, since) => findByExternalIds(feed.listChanges, sourceIds, since),
      }),
    };
  },
};
