/**
 * Companies, two-way (crm-systems.md, Companies). iVvy reads: getCompanyList with
 * `fromModifiedDate`; writes: addOrUpdateCompany by id with the CRM id in `externalId`, which
 * keeps the pair together through a rename.
 *
 * Canonical fields: name (businessName), tradingName, businessNumber, phone, email, website,
 * address.line1, address.line2, address.city, address.state (stateCode), address.postalCode,
 * address.country (countryCode), and `custom:<crm field>` per mapped custom field.
 */
import type { IvvySide, ModuleContext, SyncModule } from '../module.js';
import { offsetFeed } from '../ivvy/feed.js';
import {
  customKey,
  findByExternalIds,
  getEach,
  modifiedAt,
  readCustomFields,
  stringId,
  writeCustomFields,
  type CustomFieldMap,
} from '../ivvy/records.js';
import { upsertWriter } from '../ivvy/upsert-writer.js';
import { canonicalValue } from '../fingerprint.js';
import type { Canonical, FieldValue, SideRecord } from '../types.js';
import type { IvvyResult } from '../ivvy/api.js';

type IvvyCompany = IvvyResult<'contact', 'getCompany'>;

/** Canonical name → iVvy top-level property. */
const PLAIN = {
  name: 'businessName',
  tradingName: 'tradingName',
  businessNumber: 'businessNumber',
  phone: 'phone',
  email: 'email',
  website: 'website',
} as const;

/** Canonical name → key of iVvy's address object (development-reference/address-format.md). */
const ADDRESS = {
  'address.line1': 'line1',
  'address.line2': 'line2',
  'address.city': 'city',
  'address.state': 'stateCode',
  'address.postalCode': 'postalCode',
  'address.country': 'countryCode',
} as const;

const BASE_FIELDS = [...Object.keys(PLAIN), ...Object.keys(ADDRESS)];

export const companiesModule: SyncModule = {
  name: 'companies',
  description: 'Companies, both ways, paired by id map and externalId',
  kind: 'company',
  twoWay: true,
  dependsOn: [],
  webhook: {
    endpoint: 'companiesEndpoint',
    changed: ['CompanyAdded', 'CompanyUpdated'],
    deleted: { subject: 'CompanyDeleted', idKey: 'companyId' },
  },
  entityOptions: (settings) => ({ customFields: settings.customFields.map((m) => m.crm), groups: false }),

  async open(ctx: ModuleContext): Promise<IvvySide> {
    const map: CustomFieldMap = ctx.settings.customFields;
    const fields = [...BASE_FIELDS, ...map.map((m) => customKey(m.crm))];

    const toRecord = (c: IvvyCompany): SideRecord => {
      const out: Record<string, FieldValue> = {};
      for (const [canonical, prop] of Object.entries(PLAIN)) out[canonical] = canonicalValue(canonical, c[prop]);
      for (const [canonical, key] of Object.entries(ADDRESS)) out[canonical] = canonicalValue(canonical, c.address?.[key]);
      Object.assign(out, readCustomFields(c.customFields, map));
      return { id: String(c.id), modifiedAt: modifiedAt(c.modifiedDate), fields: out, pairedId: stringId(c.externalId) };
    };

    const feed = offsetFeed<IvvyCompany>({
      api: ctx.api,
      namespace: 'contact',
      action: 'getCompanyList',
      perPage: ctx.pageSize,
      toRecords: (page) => page.map(toRecord),
    });

    const params = (values: Canonical, known: Canonical | null): { params: Record<string, unknown>; held: Canonical } => {
      const p: Record<string, unknown> = {};
      const held: Record<string, FieldValue> = {};
      for (const [canonical, prop] of Object.entries(PLAIN)) {
        if (!(canonical in values)) continue;
        const v = values[canonical] ?? null;
        // A company cannot lose its business name.
        if (v === null && canonical === 'name') continue;
        p[prop] = typeof v === 'string' ? v : '';
        held[canonical] = v;
      }
      // The address travels as one object: unchanged parts are sent as iVvy holds them.
      if (Object.keys(ADDRESS).some((k) => k in values)) {
        const address: Record<string, string> = {};
        for (const [canonical, key] of Object.entries(ADDRESS)) {
          const v = canonical in values ? (values[canonical] ?? null) : (known?.[canonical] ?? null);
          address[key] = typeof v === 'string' ? v : '';
          held[canonical] = v;
        }
        p.address = address;
      }
      const custom = writeCustomFields(values, map);
      if (custom) {
        p.customFields = custom;
        for (const m of map) if (customKey(m.crm) in values) held[customKey(m.crm)] = values[customKey(m.crm)] ?? null;
      }
      return { params: p, held };
    };

    return {
      fields,
      listChanges: feed.listChanges,
      get: (ids) => getEach<IvvyCompany>(ctx.api, 'contact', 'getCompany', ids, 24153, toRecord),
      async *listIds() {
        for await (const page of feed.listAll()) yield page.map((c) => String(c.id));
      },
      writer: upsertWriter({
        writer: ctx.writer,
        namespace: 'contact',
        action: 'addOrUpdateCompany',
        cannotCreate: (fields) => (fields.name === null || fields.name === undefined ? 'iVvy needs a business name to create a company' : null),
        params: async (fields, _creating, known) => params(fields, known),
        findBySourceIds: (sourceIds, since) => findByExternalIds(feed.listChanges, sourceIds, since),
      }),
    };
  },
};
