/** getCustomFieldDefinition and getCompanyCustomFieldDefinition: plain arrays, not collections. */
import { z } from 'zod';
import { defineAction } from '../../../registry/define-action.js';
import type { CustomFieldEntity } from '../tables.js';
import { listDefinitions, type FieldDefinition } from './definitions.js';

const definitionResult = z.strictObject({
  fieldId: z.number().int(),
  fieldType: z.number().int().min(0).max(9),
  displayName: z.string(),
  isRequired: z.boolean(),
  isActive: z.boolean(),
  sortOrder: z.number().int(),
  selectValues: z.record(z.string(), z.string()).nullable(),
  fileTypes: z.array(z.string()).nullable(),
});

function definitionOut(def: FieldDefinition): z.input<typeof definitionResult> {
  return {
    fieldId: def.id,
    fieldType: def.fieldType,
    displayName: def.displayName,
    isRequired: def.isRequired,
    isActive: def.isActive,
    sortOrder: def.sortOrder,
    selectValues: def.selectValues,
    fileTypes: def.fileTypes,
  };
}

async function definitionsOf(store: Parameters<typeof listDefinitions>[0], entity: CustomFieldEntity) {
  return (await listDefinitions(store, entity)).map(definitionOut);
}

export const getCustomFieldDefinition = defineAction({
  namespace: 'contact',
  action: 'getCustomFieldDefinition',
  kind: 'read',
  params: z.object({}),
  result: z.array(definitionResult),
  handler: (ctx) => definitionsOf(ctx.store, 'contact'),
});

export const getCompanyCustomFieldDefinition = defineAction({
  namespace: 'contact',
  action: 'getCompanyCustomFieldDefinition',
  kind: 'read',
  params: z.object({}),
  result: z.array(definitionResult),
  handler: (ctx) => definitionsOf(ctx.store, 'company'),
});
