/**
 * Lead custom fields (add-or-update-lead.md, Custom Field): `{fieldId, fieldValue}` checked
 * against the account's lead field definitions with the same type rules as contact custom
 * fields, and stored per lead.
 */
import { z } from 'zod';
import { doesNotValidate } from '../../../protocol/specific-codes.js';
import { id } from '../../../registry/params.js';
import type { Scope } from '../../../storage/scope.js';
import { toDefinition, type FieldDefinition } from '../../contact/custom-fields/definitions.js';
import { checkCustomValue, type CustomValue } from '../../contact/custom-fields/validate.js';

/** `fieldValue` as documented; `value`, the contact namespace's spelling, is accepted too. */
export const leadCustomFieldInput = z
  .object(
    {
      fieldId: id(),
      fieldValue: z.unknown().optional(),
      value: z.unknown().optional(),
    },
    { error: 'Value must be an object' },
  )
  .refine((f) => f.fieldValue !== undefined || f.value !== undefined, {
    message: 'fieldValue is required',
    path: ['fieldValue'],
  })
  .transform((f) => ({ fieldId: f.fieldId, value: f.fieldValue !== undefined ? f.fieldValue : f.value }));

export type LeadCustomFieldInput = z.output<typeof leadCustomFieldInput>;

export interface LeadFieldChange {
  fieldId: number;
  value: CustomValue | null;
}

export async function leadFieldDefinitions(store: Scope): Promise<FieldDefinition[]> {
  const rows = await store.selectFrom('crm_lead_custom_fields').selectAll().orderBy('sort_order').orderBy('id').execute();
  return rows.map(toDefinition);
}

export type FieldProblem = { unknown: string } | { missing: string };

/**
 * The changes a request asks for. A value of the wrong form is the parameter's fault (23016
 * naming `customFields.N.fieldValue`); a field the account does not have, or a required field
 * left empty on a new lead, is returned as a problem for the caller's "details are invalid".
 */
export function resolveLeadFields(
  definitions: readonly FieldDefinition[],
  inputs: readonly LeadCustomFieldInput[],
  creating: boolean,
): { changes: LeadFieldChange[]; problem?: FieldProblem } {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const changes = new Map<number, LeadFieldChange>();
  for (const [index, input] of inputs.entries()) {
    const def = byId.get(input.fieldId);
    if (!def || !def.isActive) return { changes: [], problem: { unknown: `The lead custom field ${input.fieldId} does not exist` } };
    const checked = checkCustomValue(def, input.value);
    if ('error' in checked) throw doesNotValidate(`customFields.${index}.fieldValue`, [checked.error]);
    changes.set(def.id, { fieldId: def.id, value: checked.value });
  }
  if (creating) {
    const missing = definitions.find((d) => d.isActive && d.isRequired && (changes.get(d.id)?.value ?? null) === null);
    if (missing) return { changes: [], problem: { missing: `The lead custom field '${missing.displayName}' (${missing.id}) is required` } };
  } else {
    const cleared = definitions.find((d) => d.isActive && d.isRequired && changes.has(d.id) && changes.get(d.id)!.value === null);
    if (cleared) return { changes: [], problem: { missing: `The lead custom field '${cleared.displayName}' (${cleared.id}) is required` } };
  }
  return { changes: [...changes.values()] };
}

export async function applyLeadFields(store: Scope, leadId: number, changes: readonly LeadFieldChange[]): Promise<void> {
  const cleared = changes.filter((c) => c.value === null).map((c) => c.fieldId);
  const set = changes.filter((c) => c.value !== null);
  if (cleared.length > 0) {
    await store.deleteFrom('crm_lead_custom_values').where('lead_id', '=', leadId).where('field_id', 'in', cleared).execute();
  }
  if (set.length > 0) {
    await store
      .insertInto(
        'crm_lead_custom_values',
        set.map((c) => ({ lead_id: leadId, field_id: c.fieldId, value: JSON.stringify(c.value) })),
      )
      .onConflict((oc) => oc.columns(['lead_id', 'field_id']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .execute();
  }
}

/** The stored values of one lead, as JSON text per field (for change detection). */
export async function leadFieldValues(store: Scope, leadId: number): Promise<string> {
  const rows = await store
    .selectFrom('crm_lead_custom_values')
    .select(['field_id', 'value'])
    .where('lead_id', '=', leadId)
    .orderBy('field_id')
    .execute();
  return JSON.stringify(rows.map((r) => [r.field_id, r.value]));
}
