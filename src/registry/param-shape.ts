/**
 * An action's parameters as plain data: which fields it takes, which are required, and what
 * each accepts (the ParamMeta the helpers of params.ts attach). Read from the same Zod schema
 * the server validates with, so tools built on it (the fuzz and isolation suites, `marquee
 * describe`, the exports) never drift from what the server does.
 */
import type { z } from 'zod';
import { paramMeta, type ParamMeta } from './params.js';

export interface FieldShape {
  readonly shape: ParamShape;
  readonly required: boolean;
  readonly nullable: boolean;
}

export type ParamShape =
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, FieldShape>> }
  | { readonly kind: 'array'; readonly item: ParamShape; readonly maxItems: number | undefined }
  | { readonly kind: 'scalar'; readonly meta: ParamMeta }
  | { readonly kind: 'filter' }
  | { readonly kind: 'union'; readonly options: readonly ParamShape[] }
  | { readonly kind: 'literal'; readonly values: readonly unknown[] }
  /** Anything: the handler checks it itself. */
  | { readonly kind: 'any' };

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, unknown>;
  checks?: Array<{ _zod: { def: { check: string; maximum?: number } } }>;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Optional, nullable and default wrappers around a schema, and what they wrap. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean; nullable: boolean } {
  let inner = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    if (paramMeta(inner)) break;
    const def = defOf(inner);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') optional = true;
    else if (def.type === 'nullable') nullable = true;
    // A preprocess step or a transform around the real schema (see paramShape's 'pipe'): the key
    // is optional when Zod says so (`optin`), which is how an object parse treats it.
    else if (def.type === 'pipe' && def.in && def.out) {
      if (inner._zod.optin === 'optional') optional = true;
      inner = defOf(def.in).type === 'transform' ? def.out : def.in;
      continue;
    } else break;
    inner = def.innerType as z.ZodType;
  }
  return { inner, optional, nullable };
}

export function paramShape(schema: z.ZodType): ParamShape {
  const meta = paramMeta(schema);
  if (meta?.type === 'filter') return { kind: 'filter' };
  const def = defOf(schema);
  if (meta && meta.type !== 'array') return { kind: 'scalar', meta };
  switch (def.type) {
    case 'object': {
      const fields: Record<string, FieldShape> = {};
      for (const [name, field] of Object.entries(def.shape ?? {})) {
        const { inner, optional, nullable } = unwrap(field);
        fields[name] = { shape: paramShape(inner), required: !optional, nullable };
      }
      return { kind: 'object', fields };
    }
    case 'array': {
      const max = def.checks?.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum;
      return { kind: 'array', item: paramShape(unwrap(def.element as z.ZodType).inner), maxItems: meta?.maxItems ?? max };
    }
    case 'union':
      return { kind: 'union', options: (def.options ?? []).map((o) => paramShape(unwrap(o).inner)) };
    case 'literal':
      return { kind: 'literal', values: def.values ?? [] };
    case 'enum':
      return { kind: 'literal', values: Object.values(def.entries ?? {}) };
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return paramShape(unwrap(schema).inner);
    case 'pipe':
      // A preprocess step in front of the real schema, or a transform behind it.
      return paramShape(defOf(def.in as z.ZodType).type === 'transform' ? (def.out as z.ZodType) : (def.in as z.ZodType));
    case 'lazy':
      return def.getter ? paramShape(def.getter()) : { kind: 'any' };
    default:
      return { kind: 'any' };
  }
}

/** Every leaf of a shape with its dotted path (`contacts.[]`, `filter`), for checks over all parameters. */
export function leaves(shape: ParamShape, path = ''): Array<{ path: string; shape: ParamShape }> {
  switch (shape.kind) {
    case 'object':
      return Object.entries(shape.fields).flatMap(([name, f]) => leaves(f.shape, path ? `${path}.${name}` : name));
    case 'array':
      return [{ path, shape }, ...leaves(shape.item, `${path}.[]`)];
    case 'union':
      return shape.options.flatMap((o) => leaves(o, path));
    default:
      return [{ path, shape }];
  }
}
