/**
 * An example body for an action, read from its parameter shape (registry/param-shape.ts): the
 * required parameters only, each with a value its helper accepts. The exports show it as the
 * request body an integrator starts from; what a value means is on the action's page.
 */
import type { AnyAction } from '../registry/define-action.js';
import { paramShape, type ParamShape } from '../registry/param-shape.js';
import type { ParamMeta } from '../registry/params.js';

const BY_FORMAT: Readonly<Record<NonNullable<ParamMeta['format']>, unknown>> = {
  id: 1,
  email: 'name@example.com',
  timestamp: '2026-01-01 09:00:00',
  date: '2026-01-01',
  time: '09:00:00',
  timezone: 'UTC',
};

function scalarExample(meta: ParamMeta, name: string): unknown {
  if (meta.enum && meta.enum.length > 0) return meta.enum[0];
  if (meta.format) return BY_FORMAT[meta.format];
  switch (meta.type) {
    case 'integer':
    case 'number':
      // The smallest value the bounds allow from 0 up (1 for a positive count).
      return Math.min(Math.max(0, meta.minimum ?? 0), meta.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return true;
    case 'string':
      return name.slice(0, meta.maxLength ?? name.length) || 'text';
    case 'array':
      return [];
    case 'filter':
      return {};
  }
}

/** A value `shape` accepts; `name` (the parameter's name) stands in for free text. */
export function exampleOf(shape: ParamShape, name = 'value'): unknown {
  switch (shape.kind) {
    case 'scalar':
      return scalarExample(shape.meta, name);
    case 'filter':
      return {};
    case 'literal':
      return shape.values[0] ?? null;
    case 'union':
      return shape.options.length > 0 ? exampleOf(shape.options[0] as ParamShape, name) : null;
    case 'array':
      return [exampleOf(shape.item, name)];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape.fields)) {
        if (field.required) out[key] = exampleOf(field.shape, key);
      }
      return out;
    }
    case 'any':
      return null;
  }
}

/**
 * The example body of an action: `exampleOf` its parameters, less any top-level value its schema
 * still refuses (a helper whose rule the shape cannot state, such as a URL), so every example
 * is one the server's validation accepts.
 */
export function exampleParams(def: AnyAction): unknown {
  const example = exampleOf(paramShape(def.params));
  const parsed = def.params.safeParse(example);
  if (parsed.success || example === null || typeof example !== 'object' || Array.isArray(example)) return example;
  const refused = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  return Object.fromEntries(Object.entries(example).filter(([key]) => !refused.has(key)));
}
