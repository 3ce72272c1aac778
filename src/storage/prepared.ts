/**
 * Queries built once and run many times. Kysely builds an immutable operation tree and compiles
 * it to SQL on every execution; on the hot paths (getContact, a page's related rows, the write
 * path of a contact) building and compiling cost several times what SQLite needs to answer an
 * indexed lookup. A prepared query is built with placeholders in place of its values, compiled
 * once per database dialect (and per length of each list parameter), and then run by putting
 * the values into the compiled parameter list.
 *
 *   const contactsById = prepared((store, p: { ids: number[] }) =>
 *     store.selectFrom('contacts').selectAll().where('id', 'in', p.ids));
 *   const rows = await contactsById(ctx.store, { ids: [1, 2, 3] });
 *
 * The builder receives a Scope like any other query (tenancy is unchanged: the account is a
 * placeholder too) and must use each parameter only as a value: it cannot branch on one,
 * compute with one, or put one into raw SQL text. Placeholders used any other way are
 * detected when the query is compiled. A list parameter compiles once per length, and a plain
 * object parameter (an update's column values) once per set of keys.
 */
import { createQueryId, type CompiledQuery, type Compilable } from 'kysely';
import { createScope, type Scope } from './scope.js';
import { runDirect } from './sqlite-direct.js';

/**
 * A parameter's place in the compiled query (a value, an element of a list, or a member of an
 * object such as an update's column values), or a constant the builder wrote in.
 */
type Slot = { name: string; index: number; key: string | null } | { constant: unknown };

interface Template {
  sql: string;
  query: CompiledQuery['query'];
  slots: Slot[];
}

class Placeholder {
  constructor(
    readonly name: string,
    readonly index: number,
    readonly key: string | null = null,
  ) {}
  toString(): string {
    return `\u0000placeholder:${this.name}`;
  }
}

const ACCOUNT = '\u0000account';

type Params = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function shapeOf(params: Params): string {
  let shape = '';
  for (const name in params) {
    const value = params[name];
    if (Array.isArray(value)) shape += `${name}:${value.length};`;
    else if (isRecord(value)) shape += `${name}{${Object.keys(value).join(',')}};`;
  }
  return shape;
}

function placeholders(params: Params): Params {
  const out: Params = {};
  for (const name in params) {
    const value = params[name];
    if (Array.isArray(value)) out[name] = value.map((_, i) => new Placeholder(name, i));
    else if (isRecord(value)) out[name] = Object.fromEntries(Object.keys(value).map((key) => [key, new Placeholder(name, -1, key)]));
    else out[name] = new Placeholder(name, -1);
  }
  return out;
}

function compile<P extends Params>(store: Scope, build: (store: Scope, p: P) => Compilable<unknown>, params: P): Template {
  const scope = createScope(store.executor, new Placeholder(ACCOUNT, -1) as unknown as number, store.dialect, store.inTransaction);
  const compiled = build(scope, placeholders(params) as P).compile();
  if (compiled.sql.includes('\u0000placeholder')) {
    throw new Error(`prepared query uses a parameter outside a value position: ${compiled.sql}`);
  }
  // A template is shared by every account: one that does not bind the caller's account would
  // answer every account with the same rows (tenant-key.ts). Built through the scope, it does.
  if (!compiled.parameters.some((value) => value instanceof Placeholder && value.name === ACCOUNT)) {
    throw new Error(`prepared query is not scoped to the caller's account: ${compiled.sql}`);
  }
  const slots = compiled.parameters.map(
    (value): Slot => (value instanceof Placeholder ? { name: value.name, index: value.index, key: value.key } : { constant: value }),
  );
  return { sql: compiled.sql, query: compiled.query, slots };
}

export interface PreparedQuery<P extends Params, R> {
  (store: Scope, params: P): Promise<R[]>;
  /**
   * The rows now, synchronously, when the query can run without Kysely (SQLite, see
   * sqlite-direct.ts); undefined otherwise. For code that reads inside `readNow`.
   */
  now(store: Scope, params: P): R[] | undefined;
}

export function prepared<P extends Params, R>(build: (store: Scope, p: P) => Compilable<R>): PreparedQuery<P, R> {
  // Compiled SQL depends on the dialect and on how many values each list holds.
  const templates = new Map<string, Template>();
  const limit = 256;
  const bind = (store: Scope, params: P): { template: Template; parameters: unknown[] } => {
    const key = `${store.dialect};${shapeOf(params)}`;
    let template = templates.get(key);
    if (!template) {
      template = compile(store, build, params);
      if (templates.size >= limit) templates.delete(templates.keys().next().value as string);
      templates.set(key, template);
    }
    const parameters: unknown[] = new Array(template.slots.length);
    for (let i = 0; i < template.slots.length; i++) {
      const slot = template.slots[i] as Slot;
      if ('constant' in slot) parameters[i] = slot.constant;
      else if (slot.name === ACCOUNT) parameters[i] = store.accountId;
      else if (slot.key !== null) parameters[i] = (params[slot.name] as Record<string, unknown>)[slot.key];
      else parameters[i] = slot.index < 0 ? params[slot.name] : (params[slot.name] as unknown[])[slot.index];
    }
    return { template, parameters };
  };
  const now = (store: Scope, params: P): R[] | undefined => {
    const { template, parameters } = bind(store, params);
    return runDirect<R>(store.executor, store.inTransaction, template.sql, parameters);
  };
  const run = async (store: Scope, params: P): Promise<R[]> => {
    const { template, parameters } = bind(store, params);
    // SQLite runs it directly when it can (sqlite-direct.ts); anything else goes through Kysely.
    const rows = runDirect<R>(store.executor, store.inTransaction, template.sql, parameters);
    if (rows !== undefined) return rows;
    const result = await store.executor.executeQuery<R>({
      sql: template.sql,
      query: template.query,
      parameters,
      queryId: createQueryId(),
    });
    return result.rows;
  };
  return Object.assign(run, { now });
}
