/**
 * Arranging contact-namespace data the API cannot create (groups, custom field definitions,
 * industries) straight into the test server's storage, and small helpers shared by the suites.
 */
import { randomBytes } from 'node:crypto';
import type { CustomFieldEntity } from '../../../src/domain/contact/tables.js';
import type { Scope } from '../../../src/storage/scope.js';

const now = () => Date.now();

export async function addGroup(store: Scope, name: string, colour = '#336699'): Promise<number> {
  const row = await store
    .insertInto('subscription_groups', { name, tag_colour: colour, created_at: now(), modified_at: now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addIndustry(store: Scope, name: string): Promise<number> {
  const row = await store
    .insertInto('industries', { name, created_at: now(), modified_at: now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface FieldOptions {
  selectValues?: Record<string, string>;
  fileTypes?: string[];
  isActive?: boolean;
  isRequired?: boolean;
  sortOrder?: number;
}

export async function addField(
  store: Scope,
  entity: CustomFieldEntity,
  fieldType: number,
  displayName: string,
  options: FieldOptions = {},
): Promise<number> {
  const row = await store
    .insertInto('custom_field_definitions', {
      entity,
      field_type: fieldType,
      display_name: displayName,
      is_required: options.isRequired ? 1 : 0,
      is_active: options.isActive === false ? 0 : 1,
      sort_order: options.sortOrder ?? 0,
      select_values: options.selectValues ? JSON.stringify(options.selectValues) : null,
      file_types: options.fileTypes ? JSON.stringify(options.fileTypes) : null,
      created_at: now(),
      modified_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A person no other test uses, so identity matches never collide across tests. */
export function person(tag = 'p') {
  const suffix = randomBytes(4).toString('hex');
  return { firstName: `Alex${suffix}`, lastName: `Rivera-${tag}`, email: `alex.${tag}.${suffix}@example.com` };
}

/** Sets a contact's modified instant directly, to test time filters at exact seconds. */
export async function setContactModifiedAt(store: Scope, id: number, ms: number): Promise<void> {
  await store.updateTable('contacts').set({ modified_at: ms }).where('id', '=', id).execute();
}

export async function setCompanyModifiedAt(store: Scope, id: number, ms: number): Promise<void> {
  await store.updateTable('companies').set({ modified_at: ms }).where('id', '=', id).execute();
}

export interface ChangeRow {
  subject: string;
  body: Record<string, unknown>;
  source_type: number;
}

/** Outbox rows of the account written after `afterId`, in commit order. */
export async function changesSince(store: Scope, afterId: number): Promise<ChangeRow[]> {
  const rows = await store.selectFrom('changes').selectAll().where('id', '>', afterId).orderBy('id').execute();
  return rows.map((r) => ({ subject: r.subject, body: JSON.parse(r.body) as Record<string, unknown>, source_type: r.source_type }));
}

export async function lastChangeId(store: Scope): Promise<number> {
  const row = await store
    .selectFrom('changes')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

export { expectApiError } from '../../support/api-error.js';

export const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/;
export const BARE_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
