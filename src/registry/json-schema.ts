/**
 * JSON Schema (draft 2020-12) of an action's parameters and result, from the same Zod schemas
 * the server validates with: parameters through their shape (param-shape.ts, so the bounds
 * and formats of params.ts come along), results through Zod's own converter. The SDK's types,
 * `marquee describe` and the OpenAPI export are all built from these.
 */
import { z } from 'zod';
import type { AnyAction } from './define-action.js';
import { paramShape, type ParamShape } from './param-shape.js';
import { paramMeta, type ParamMeta } from './params.js';

export type JsonSchema = { [key: string]: unknown };

function scalarSchema(meta: ParamMeta): JsonSchema {
  const out: JsonSchema = { type: meta.type === 'filter' ? 'object' : meta.type };
  if (meta.type === 'integer' || meta.type === 'number') {
    // iVvy is lenient: numeric text is accepted where a number is expected.
    out.type = [meta.type, 'string'];
  }
  if (meta.type === 'boolean') out.type = ['boolean', 'integer', 'string'];
  if (meta.format) out.format = meta.format;
  for (const key of ['minimum', 'maximum', 'minLength', 'maxLength', 'enum'] as const) {
    if (meta[key] !== undefined) out[key] = meta[key];
  }
  return out;
}

const FILTER_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'Filter keys of the action (filtering.md), with the __NOT, __CONTAINS, … modifiers',
  additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
};

export function shapeSchema(shape: ParamShape): JsonSchema {
  switch (shape.kind) {
    case 'scalar':
      return scalarSchema(shape.meta);
    case 'filter':
      return FILTER_SCHEMA;
    case 'literal':
      return { enum: [...shape.values] };
    case 'union':
      return { anyOf: shape.options.map(shapeSchema) };
    case 'array':
      return { type: 'array', items: shapeSchema(shape.item), ...(shape.maxItems !== undefined ? { maxItems: shape.maxItems } : {}) };
    case 'object': {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [name, field] of Object.entries(shape.fields)) {
        const schema = shapeSchema(field.shape);
        properties[name] = field.nullable ? { anyOf: [schema, { type: 'null' }] } : schema;
        if (field.required) required.push(name);
      }
      return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
    }
    case 'any':
      return {};
  }
}

export function paramsSchema(def: AnyAction): JsonSchema {
  return shapeSchema(paramShape(def.params));
}

export function resultSchema(def: AnyAction): JsonSchema {
  return z.toJSONSchema(def.result, {
    io: 'output',
    unrepresentable: 'any',
    override: (ctx) => {
      // A parameter helper used in a result schema: describe it as what it outputs.
      const meta = paramMeta(ctx.zodSchema as unknown as z.ZodType);
      if (meta && meta.type !== 'array' && meta.type !== 'filter') {
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as JsonSchema)[key];
        Object.assign(ctx.jsonSchema, { type: meta.type === 'integer' ? 'integer' : meta.type });
      }
    },
  }) as JsonSchema;
}
