/**
 * Values for fuzzed requests, drawn from an action's parameter shape (registry/param-shape.ts):
 * mostly plausible ones, so that calls get past validation and into handlers and storage, and
 * hostile ones at a fixed rate: beyond every bound, of the wrong type, NUL and lone surrogates,
 * numbers past the column ranges of both databases, markup and SQL.
 */
import type { Faker } from '@faker-js/faker';
import type { ParamMeta } from '../../../src/registry/params.js';
import type { ParamShape } from '../../../src/registry/param-shape.js';

/** Ids that exist in a freshly seeded account, and ones that cannot. */
export interface IdPool {
  readonly known: readonly number[];
}

export interface ValueContext {
  readonly faker: Faker;
  readonly ids: IdPool;
  /** Chance that any one value is hostile. */
  readonly hostility: number;
  /** Filter names to try (documented ones of the action, and others). */
  readonly filterNames: readonly string[];
}

const MODIFIERS = ['', '__NOT', '__CONTAINS', '__NOTCONTAINS', '__BEGINS', '__ENDS', '__LESSTHAN', '__GREATERTHAN', '__EMPTY', '__ISNULL', '__IN', '__BOGUS'];

/** Text nobody should be able to store or search with trouble. */
function hostileText(f: Faker): unknown {
  return f.helpers.arrayElement<() => unknown>([
    () => '',
    () => ' ',
    () => '\u0000',
    () => `a\u0000b`,
    () => '\ud800',
    () => `x\udc00y`,
    () => 'é'.repeat(f.number.int({ min: 60_000, max: 70_000 })),
    () => 'a'.repeat(f.number.int({ min: 65_530, max: 66_000 })),
    () => '💩'.repeat(33_000),
    () => '%'.repeat(60_000),
    () => `${'_'.repeat(20_000)}%\\`,
    () => "' OR 1=1 --",
    () => '"; DROP TABLE contacts; --',
    () => '<script>alert(1)</script>"\'><img src=x onerror=alert(1)>',
    () => '\\',
    () => '\u202e\u200b\ufeff',
    () => '2147483648',
    () => '-2147483649',
    () => '9223372036854775808',
    () => '1e309',
    () => 'NaN',
    () => '0x1F',
    () => ' 12 ',
    () => '2026-02-30 25:61:61',
    () => '0000-00-00',
    () => '9999-12-31 23:59:59',
  ])();
}

function hostileNumber(f: Faker): unknown {
  return f.helpers.arrayElement([
    0,
    -1,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    2 ** 63,
    -(2 ** 63),
    1e30,
    -1e30,
    1.5,
    -0.000001,
    1e-300,
    Number.MAX_VALUE,
  ]);
}

function wrongType(f: Faker): unknown {
  return f.helpers.arrayElement<unknown>([null, true, false, [], {}, [1, 2], { a: 1 }, { id: 1 }, [[[[]]]]]);
}

export function hostileValue(ctx: ValueContext): unknown {
  const f = ctx.faker;
  const pick = f.number.int({ min: 0, max: 9 });
  if (pick < 4) return hostileText(f);
  if (pick < 7) return hostileNumber(f);
  if (pick < 9) return wrongType(f);
  return Array.from({ length: f.number.int({ min: 1_001, max: 3_000 }) }, () => f.number.int({ min: 1, max: 50 }));
}

function plausibleScalar(meta: ParamMeta, ctx: ValueContext): unknown {
  const f = ctx.faker;
  if (meta.enum && meta.enum.length > 0) return f.helpers.arrayElement(meta.enum);
  switch (meta.type) {
    case 'integer':
      if (meta.format === 'id') return f.helpers.arrayElement([...ctx.ids.known, f.number.int({ min: 1, max: 5_000 })]);
      return f.number.int({ min: Math.max(meta.minimum ?? 0, -5), max: Math.min(meta.maximum ?? 100, 100) });
    case 'number':
      return f.number.float({ min: 0, max: 10_000, fractionDigits: 2 });
    case 'boolean':
      return f.helpers.arrayElement([true, false, 1, 0, '1', '0']);
    case 'string':
      switch (meta.format) {
        case 'email':
          return f.internet.email();
        case 'timestamp':
          return f.date.between({ from: '2020-01-01', to: '2030-01-01' }).toISOString().slice(0, 19).replace('T', ' ');
        case 'date':
          return f.date.between({ from: '2020-01-01', to: '2030-01-01' }).toISOString().slice(0, 10);
        case 'time':
          return f.helpers.arrayElement(['09:00:00', '13:30:00', '23:59:59']);
        case 'timezone':
          return f.helpers.arrayElement(['Australia/Sydney', 'UTC', 'America/New_York']);
        default:
          return f.helpers.arrayElement([f.person.firstName(), f.lorem.words(3), f.company.name()]).slice(0, meta.maxLength ?? 200);
      }
    default:
      return f.lorem.word();
  }
}

function filterValue(ctx: ValueContext): unknown {
  const f = ctx.faker;
  if (f.number.float() < ctx.hostility * 2) return hostileValue(ctx);
  return f.helpers.arrayElement<unknown>([
    f.helpers.arrayElement(ctx.ids.known.length > 0 ? ctx.ids.known : [1]),
    f.person.lastName(),
    '2024-01-01 00:00:00',
    '2024-01-01',
    'a',
    1,
    0,
    'ISNULL',
    true,
  ]);
}

function filter(ctx: ValueContext): unknown {
  const f = ctx.faker;
  const size = f.helpers.weightedArrayElement([
    { weight: 6, value: f.number.int({ min: 1, max: 3 }) },
    { weight: 1, value: 0 },
    { weight: 1, value: f.number.int({ min: 51, max: 80 }) },
  ]);
  const out: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) {
    const name =
      f.number.float() < 0.05
        ? f.helpers.arrayElement(['x'.repeat(5_000), '\u0000', '__proto__', 'constructor', f.string.alphanumeric(12)])
        : `${f.helpers.arrayElement(ctx.filterNames)}${f.helpers.arrayElement(MODIFIERS)}`;
    out[name] = filterValue(ctx);
  }
  return out;
}

/** A value for `shape`: plausible, or (at the context's rate) hostile. */
export function valueFor(shape: ParamShape, ctx: ValueContext, depth = 0): unknown {
  const f = ctx.faker;
  if (f.number.float() < ctx.hostility) return hostileValue(ctx);
  switch (shape.kind) {
    case 'scalar':
      return plausibleScalar(shape.meta, ctx);
    case 'filter':
      return filter(ctx);
    case 'literal':
      return f.helpers.arrayElement(shape.values.length > 0 ? [...shape.values] : [null]);
    case 'union':
      return shape.options.length > 0 ? valueFor(f.helpers.arrayElement([...shape.options]), ctx, depth) : null;
    case 'array': {
      if (depth > 4) return [];
      const length = f.number.int({ min: 0, max: Math.min(3, shape.maxItems ?? 3) });
      return Array.from({ length }, () => valueFor(shape.item, ctx, depth + 1));
    }
    case 'object': {
      if (depth > 4) return {};
      const out: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(shape.fields)) {
        const include = field.required ? f.number.float() > ctx.hostility : f.number.float() < 0.5;
        if (!include) continue;
        out[name] = field.nullable && f.number.float() < 0.1 ? null : valueFor(field.shape, ctx, depth + 1);
      }
      // Now and then a parameter the action does not have.
      if (f.number.float() < ctx.hostility) out[f.helpers.arrayElement(['perpage', 'accountId', '__proto__', 'x'.repeat(300)])] = hostileValue(ctx);
      return out;
    }
    case 'any':
      return f.helpers.arrayElement<unknown>(['text', 1, null, ['a'], { value: 'x' }, hostileValue(ctx)]);
  }
}

/** Raw JSON text nested `depth` levels deep, somewhere a schema might walk into it. */
export function deeplyNested(depth: number, where: 'filter' | 'params' | 'batch'): string {
  const nest = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  if (where === 'filter') return `{"filter":{"id":${nest}}}`;
  if (where === 'batch') return `{"jobs":[{"namespace":"contact","action":"getContactList","params":{"filter":${nest}}}]}`;
  return `{"a":${nest}}`;
}
