/**
 * `marquee describe NAMESPACE ACTION`: what an action takes, read from the registry (the same
 * Zod schemas the server validates with, through registry/param-shape.ts), so the answer never
 * drifts from what the server accepts. `marquee actions --json` reuses `describeAction`.
 */
import type { Command } from 'commander';
import type { CatalogueEntry } from '../../protocol/catalogue.js';
import type { AnyAction } from '../../registry/define-action.js';
import type { JsonSchema } from '../../registry/json-schema.js';
import type { ParamShape } from '../../registry/param-shape.js';
import type { ParamMeta } from '../../registry/params.js';
import type { AnyFilterSpec } from '../../storage/collection.js';
import { printJson } from '../shared.js';

export interface ParameterRow {
  /** Dotted path; `[]` stands for each item of a list (`contacts[].email`). */
  name: string;
  type: string;
  required: boolean;
  nullable: boolean;
  /** Bounds, allowed values: what the parameter helper states (params.ts). */
  details: string;
}

export interface FilterRow {
  name: string;
  type: string;
  /** Whether `name__NOT`, `name__CONTAINS`, … work too (filtering.md). */
  modifiers: boolean;
  details: string;
}

export interface ActionDescription {
  namespace: string;
  action: string;
  kind: 'read' | 'write';
  /** The page of the iVvy API reference that documents it. */
  doc: string;
  implemented: boolean;
  /** Null when the action is not implemented (it answers 501 whatever it is sent). */
  parameters: ParameterRow[] | null;
  /** Null for an action that is not a list. */
  filters: FilterRow[] | null;
  /** JSON Schema (2020-12) of the parameters. */
  paramsSchema: JsonSchema | null;
}

/** What describing needs, loaded once (the registry pulls in every namespace). */
export interface DescribeTools {
  paramShape(schema: AnyAction['params']): ParamShape;
  paramsSchema(def: AnyAction): JsonSchema;
  isListAction(def: AnyAction): def is AnyAction & { filters: AnyFilterSpec };
  defaults: { INT_MIN: number; INT_MAX: number; NUMBER_LIMIT: number; DEFAULT_TEXT_MAX: number };
}

export async function loadDescribeTools(): Promise<DescribeTools> {
  const [shape, schema, list, limits] = await Promise.all([
    import('../../registry/param-shape.js'),
    import('../../registry/json-schema.js'),
    import('../../registry/define-list-action.js'),
    import('../../protocol/limits.js'),
  ]);
  return {
    paramShape: shape.paramShape,
    paramsSchema: schema.paramsSchema,
    isListAction: list.isListAction as DescribeTools['isListAction'],
    defaults: limits,
  };
}

function typeName(shape: ParamShape): string {
  switch (shape.kind) {
    case 'scalar':
      return shape.meta.format ? `${shape.meta.type} (${shape.meta.format})` : shape.meta.type;
    case 'array':
      return `array of ${typeName(shape.item)}`;
    case 'union':
      return [...new Set(shape.options.map(typeName))].join(' | ');
    case 'literal':
      return shape.values.map((v) => JSON.stringify(v)).join(' | ');
    case 'object':
    case 'filter':
      return shape.kind;
    case 'any':
      return 'any';
  }
}

function scalarDetails(meta: ParamMeta, tools: DescribeTools): string[] {
  const { INT_MIN, INT_MAX, NUMBER_LIMIT, DEFAULT_TEXT_MAX } = tools.defaults;
  const out: string[] = [];
  if (meta.enum) out.push(`one of ${meta.enum.join(', ')}`);
  else if (meta.type === 'integer' || meta.type === 'number') {
    // The bounds every number has (a 32-bit column, 10^12) are in the README; show only narrower ones.
    const generic = meta.type === 'integer' ? [INT_MIN, INT_MAX] : [-NUMBER_LIMIT, NUMBER_LIMIT];
    const idRange = meta.format === 'id' && meta.minimum === 1 && meta.maximum === INT_MAX;
    if (!idRange && (meta.minimum !== generic[0] || meta.maximum !== generic[1])) out.push(`${meta.minimum ?? '…'} to ${meta.maximum ?? '…'}`);
  }
  if (meta.minLength !== undefined && meta.minLength > 0) out.push('not blank');
  if (meta.maxLength !== undefined && meta.maxLength !== DEFAULT_TEXT_MAX) out.push(`at most ${meta.maxLength} characters`);
  return out;
}

function details(shape: ParamShape, nullable: boolean, tools: DescribeTools): string {
  const out: string[] = [];
  if (shape.kind === 'scalar') out.push(...scalarDetails(shape.meta, tools));
  if (shape.kind === 'array' && shape.maxItems !== undefined) out.push(`at most ${shape.maxItems} items`);
  if (shape.kind === 'array' && shape.item.kind === 'scalar') out.push(...scalarDetails(shape.item.meta, tools).map((d) => `each ${d}`));
  if (shape.kind === 'filter') out.push('keys: the filters below');
  if (nullable) out.push('null allowed');
  return out.join('; ');
}

/** The object fields a shape has (an object, or the object options of a union), in order. */
function fieldsOf(shape: ParamShape): Array<[string, { shape: ParamShape; required: boolean; nullable: boolean }]> {
  if (shape.kind === 'object') return Object.entries(shape.fields);
  if (shape.kind === 'union') {
    const seen = new Set<string>();
    return shape.options.flatMap(fieldsOf).filter(([name]) => !seen.has(name) && (seen.add(name), true));
  }
  return [];
}

function parameterRows(shape: ParamShape, tools: DescribeTools, prefix = ''): ParameterRow[] {
  return fieldsOf(shape).flatMap(([key, field]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    const row: ParameterRow = {
      name,
      type: typeName(field.shape),
      required: field.required,
      nullable: field.nullable,
      details: details(field.shape, field.nullable, tools),
    };
    const inner = field.shape.kind === 'array' ? { shape: field.shape.item, prefix: `${name}[]` } : { shape: field.shape, prefix: name };
    return [row, ...parameterRows(inner.shape, tools, inner.prefix)];
  });
}

function filterRows(filters: AnyFilterSpec): FilterRow[] {
  return Object.entries(filters).map(([name, f]) => {
    if ('codes' in f) return { name, type: 'array of integer', modifiers: false, details: `codes, each one of ${f.codes.join(', ')}` };
    if ('column' in f) return { name, type: f.type, modifiers: true, details: '' };
    return { name, type: f.type, modifiers: false, details: 'equality only' };
  });
}

export function describeAction(entry: CatalogueEntry, def: AnyAction | undefined, tools: DescribeTools): ActionDescription {
  const base = { namespace: entry.namespace, action: entry.action, kind: entry.kind, doc: entry.doc, implemented: def !== undefined };
  if (!def) return { ...base, parameters: null, filters: null, paramsSchema: null };
  return {
    ...base,
    parameters: parameterRows(tools.paramShape(def.params), tools),
    filters: tools.isListAction(def) ? filterRows(def.filters) : null,
    paramsSchema: tools.paramsSchema(def),
  };
}

async function render(d: ActionDescription): Promise<string> {
  const [{ plainTable }, { MODIFIERS }] = await Promise.all([import('../table.js'), import('../../protocol/filter-keys.js')]);
  const lines = [
    `${d.namespace}.${d.action}  ${d.kind === 'read' ? 'read' : 'write (one transaction)'}, ${d.implemented ? 'implemented' : 'not implemented: answers 501'}`,
    `Documentation: ${d.doc} (iVvy API reference)`,
    `Call: POST /api/1.0/${d.namespace}?action=${d.action}   marquee call ${d.namespace} ${d.action} '{…}'`,
    '',
  ];
  let out = lines.join('\n');
  if (!d.parameters) return out;
  out +=
    d.parameters.length === 0
      ? 'Parameters: none\n'
      : `Parameters:\n${plainTable(
          ['name', 'type', 'required', 'details'],
          d.parameters.map((p) => [p.name, p.type, p.required ? 'yes' : 'no', p.details]),
        )}`;
  if (d.filters) {
    out += `\nFilters (filter: {"name": value}; modifiers: name__${MODIFIERS.join(', name__')}):\n`;
    out +=
      d.filters.length === 0
        ? 'none\n'
        : plainTable(['filter', 'type', 'modifiers', 'details'], d.filters.map((f) => [f.name, f.type, f.modifiers ? 'yes' : 'no', f.details]));
  }
  return out;
}

/** "Unknown …", with the nearest name when one is close and the choices otherwise. */
function unknownName(what: string, choices: readonly string[], near: string | undefined): Error {
  return new Error(near ? `Unknown ${what}. Did you mean '${near}'?` : `Unknown ${what}. Choose one of: ${choices.join(', ')}`);
}

export function registerDescribe(program: Command): void {
  program
    .command('describe <namespace> <action>')
    .description("Show an action's parameters (type, required, bounds), its filters and its documentation page")
    .option('--json', 'print JSON (parameters as rows and as a JSON Schema)')
    .action(async (namespace: string, action: string, opts: { json?: boolean }) => {
      const [{ ACTIONS }, { CATALOGUE, NAMESPACES }, { createRegistry }, { nearest }, tools] = await Promise.all([
        import('../../domain/index.js'),
        import('../../protocol/catalogue.js'),
        import('../../registry/registry.js'),
        import('../../registry/nearest.js'),
        loadDescribeTools(),
      ]);
      if (!(NAMESPACES as readonly string[]).includes(namespace)) {
        throw unknownName(`namespace '${namespace}'`, NAMESPACES, nearest(namespace, NAMESPACES));
      }
      const actions = CATALOGUE.filter((e) => e.namespace === namespace);
      const entry = actions.find((e) => e.action === action);
      if (!entry) {
        const names = actions.map((e) => e.action);
        throw unknownName(`action '${action}' in namespace ${namespace}`, names, nearest(action, names));
      }
      const description = describeAction(entry, createRegistry(ACTIONS).find(namespace, action), tools);
      if (opts.json) printJson(description);
      else process.stdout.write(await render(description));
    });
}
