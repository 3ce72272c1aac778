/**
 * Custom field values of contacts and companies: validated changes from a request, written
 * per record, and read back for a whole page of records in one query.
 */
import { z } from 'zod';
import { id as idParam } from '../../../registry/params.js';
import { prepared } from '../../../storage/prepared.js';
import type { Scope } from '../../../storage/scope.js';
import { addressResult } from '../address.js';
import { invalid, paramName } from '../errors.js';
import type { CustomFieldEntity } from '../tables.js';
import { findDefinitions } from './definitions.js';
import { checkCustomValue, type CustomValue } from './validate.js';

/** One `{fieldId, value}` of a request; `value` is checked against the field's type later. */
export const customFieldInput = z.object(
  {
    fieldId: idParam(),
    value: z.unknown().refine((v) => v !== undefined, { message: 'Value is required' }),
  },
  { error: 'Value must be an object' },
);
export type CustomFieldInput = z.output<typeof customFieldInput>;

export interface CustomFieldChange {
  fieldId: number;
  /** null clears the field. */
  value: CustomValue | null;
}

export const customFieldResult = z.strictObject({
  fieldId: z.number().int(),
  displayName: z.string(),
  value: z.union([z.string(), z.number(), z.array(z.string()), addressResult]),
});
export type CustomFieldOut = z.input<typeof customFieldResult>;

/**
 * Checks every requested value against its definition. Throws 23016 naming the offending
 * entry (`customFields.2.value`) so a client can tell which one was refused.
 */
export async function resolveCustomFieldChanges(
  store: Scope,
  entity: CustomFieldEntity,
  inputs: readonly CustomFieldInput[],
  prefix = '',
): Promise<CustomFieldChange[]> {
  const definitions = await findDefinitions(
    store,
    entity,
    inputs.map((i) => i.fieldId),
  );
  const changes = new Map<number, CustomFieldChange>();
  inputs.forEach((input, index) => {
    const def = definitions.get(input.fieldId);
    const at = paramName(prefix, `customFields.${index}`);
    if (!def) throw invalid(`${at}.fieldId`, `The ${entity} custom field ${input.fieldId} does not exist`);
    if (!def.isActive) throw invalid(`${at}.fieldId`, `The ${entity} custom field ${input.fieldId} is not active`);
    const checked = checkCustomValue(def, input.value);
    if ('error' in checked) throw invalid(`${at}.value`, checked.error);
    changes.set(def.id, { fieldId: def.id, value: checked.value });
  });
  return [...changes.values()];
}

export async function applyContactCustomFields(
  store: Scope,
  contactId: number,
  changes: readonly CustomFieldChange[],
): Promise<void> {
  const cleared = changes.filter((c) => c.value === null).map((c) => c.fieldId);
  const set = changes.filter((c) => c.value !== null);
  if (cleared.length > 0) {
    await store
      .deleteFrom('contact_custom_values')
      .where('contact_id', '=', contactId)
      .where('field_id', 'in', cleared)
      .execute();
  }
  if (set.length > 0) {
    await store
      .insertInto(
        'contact_custom_values',
        set.map((c) => ({ contact_id: contactId, field_id: c.fieldId, value: JSON.stringify(c.value) })),
      )
      .onConflict((oc) => oc.columns(['contact_id', 'field_id']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .execute();
  }
}

export async function applyCompanyCustomFields(
  store: Scope,
  companyId: number,
  changes: readonly CustomFieldChange[],
): Promise<void> {
  const cleared = changes.filter((c) => c.value === null).map((c) => c.fieldId);
  const set = changes.filter((c) => c.value !== null);
  if (cleared.length > 0) {
    await store
      .deleteFrom('company_custom_values')
      .where('company_id', '=', companyId)
      .where('field_id', 'in', cleared)
      .execute();
  }
  if (set.length > 0) {
    await store
      .insertInto(
        'company_custom_values',
        set.map((c) => ({ company_id: companyId, field_id: c.fieldId, value: JSON.stringify(c.value) })),
      )
      .onConflict((oc) => oc.columns(['company_id', 'field_id']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .execute();
  }
}

function group<T>(rows: readonly T[], owner: (row: T) => number, item: (row: T) => CustomFieldOut) {
  const out = new Map<number, CustomFieldOut[]>();
  for (const row of rows) {
    const list = out.get(owner(row));
    if (list) list.push(item(row));
    else out.set(owner(row), [item(row)]);
  }
  return out;
}

const contactValuesOf = prepared((store, p: { ids: number[] }) =>
  store
    .selectFrom('contact_custom_values')
    .innerJoin('custom_field_definitions as d', 'd.id', 'contact_custom_values.field_id')
    .select(['contact_custom_values.contact_id', 'd.id', 'd.display_name', 'contact_custom_values.value'])
    .where('contact_custom_values.contact_id', 'in', p.ids)
    .orderBy('d.sort_order')
    .orderBy('d.id'),
);

function contactValueItems(rows: ReadonlyArray<{ contact_id: number; id: number; display_name: string; value: string }>) {
  return group(
    rows,
    (r) => r.contact_id,
    (r) => ({ fieldId: r.id, displayName: r.display_name, value: JSON.parse(r.value) as CustomValue }),
  );
}

/** loadContactCustomFields synchronously when the database allows it (storage/prepared.ts `now`). */
export function contactCustomFieldsNow(store: Scope, contactIds: readonly number[]): Map<number, CustomFieldOut[]> | undefined {
  if (contactIds.length === 0) return new Map();
  const rows = contactValuesOf.now(store, { ids: [...contactIds] });
  return rows === undefined ? undefined : contactValueItems(rows);
}

/** Values of every contact in `contactIds`, in the fields' display order. */
export async function loadContactCustomFields(
  store: Scope,
  contactIds: readonly number[],
): Promise<Map<number, CustomFieldOut[]>> {
  if (contactIds.length === 0) return new Map();
  return contactValueItems(await contactValuesOf(store, { ids: [...contactIds] }));
}

export async function loadCompanyCustomFields(
  store: Scope,
  companyIds: readonly number[],
): Promise<Map<number, CustomFieldOut[]>> {
  if (companyIds.length === 0) return new Map();
  const rows = await store
    .selectFrom('company_custom_values')
    .innerJoin('custom_field_definitions as d', 'd.id', 'company_custom_values.field_id')
    .select(['company_custom_values.company_id', 'd.id', 'd.display_name', 'company_custom_values.value'])
    .where('company_custom_values.company_id', 'in', companyIds)
    .orderBy('d.sort_order')
    .orderBy('d.id')
    .execute();
  return group(
    rows,
    (r) => r.company_id,
    (r) => ({ fieldId: r.id, displayName: r.display_name, value: JSON.parse(r.value) as CustomValue }),
  );
}
