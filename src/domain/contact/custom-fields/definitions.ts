/** Custom field definitions of an account, per entity (contact or company). */
import type { Selectable } from 'kysely';
import type { Scope } from '../../../storage/scope.js';
import type { CustomFieldDefinitionsTable, CustomFieldEntity } from '../tables.js';

/** get-custom-field-definition.md, Types of field. */
export const FieldType = {
  smallText: 0,
  largeText: 1,
  singleSelect: 2,
  multipleSelect: 3,
  address: 4,
  date: 5,
  file: 6,
  staticText: 7,
  wholeNumber: 8,
  /** Companies only (get-company-custom-field-definition.md). */
  largeSelect: 9,
} as const;

export const FIELD_TYPES_OF: Readonly<Record<CustomFieldEntity, readonly number[]>> = {
  contact: [0, 1, 2, 3, 4, 5, 6, 7, 8],
  company: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
};

export interface FieldDefinition {
  id: number;
  fieldType: number;
  displayName: string;
  isRequired: boolean;
  isActive: boolean;
  sortOrder: number;
  /** Option value -> label. */
  selectValues: Record<string, string> | null;
  fileTypes: string[] | null;
}

/** The columns every custom field definition table has (contacts and companies, CRM leads). */
export type DefinitionColumns = Pick<
  Selectable<CustomFieldDefinitionsTable>,
  'id' | 'field_type' | 'display_name' | 'is_required' | 'is_active' | 'sort_order' | 'select_values' | 'file_types'
>;

export function toDefinition(row: DefinitionColumns): FieldDefinition {
  return {
    id: row.id,
    fieldType: row.field_type,
    displayName: row.display_name,
    isRequired: row.is_required === 1,
    isActive: row.is_active === 1,
    sortOrder: row.sort_order,
    selectValues: row.select_values ? (JSON.parse(row.select_values) as Record<string, string>) : null,
    fileTypes: row.file_types ? (JSON.parse(row.file_types) as string[]) : null,
  };
}

export async function listDefinitions(store: Scope, entity: CustomFieldEntity): Promise<FieldDefinition[]> {
  const rows = await store
    .selectFrom('custom_field_definitions')
    .selectAll()
    .where('entity', '=', entity)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map(toDefinition);
}

export async function findDefinitions(
  store: Scope,
  entity: CustomFieldEntity,
  ids: readonly number[],
): Promise<Map<number, FieldDefinition>> {
  if (ids.length === 0) return new Map();
  const rows = await store
    .selectFrom('custom_field_definitions')
    .selectAll()
    .where('entity', '=', entity)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, toDefinition(r)]));
}
