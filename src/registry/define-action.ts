/**
 * One definition per action: its place in the catalogue, its parameter schema (validator and
 * SDK type), its result schema (documented shape, checked in tests), and its behaviour.
 * `defineAction` accepts only catalogued names (protocol/catalogue.ts) and the catalogued kind,
 * so a typo or a read/write mix-up fails `tsc`, not start-up.
 */
import type { z } from 'zod';
import type { ActionKind, ActionOf, Namespace } from '../protocol/catalogue.js';
import type { ActionContext } from './context.js';

export interface ActionDefinition<
  N extends string = string,
  A extends string = string,
  P extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly namespace: N;
  readonly action: A;
  /** `write` actions run in one transaction with their outbox rows; `read` actions run without one. */
  readonly kind: 'read' | 'write';
  readonly params: P;
  readonly result: R;
  handler(ctx: ActionContext, params: z.output<P>): Promise<z.input<R>>;
}

export function defineAction<const N extends Namespace, const A extends ActionOf<N>, P extends z.ZodType, R extends z.ZodType>(
  definition: ActionDefinition<N, A, P, R> & { readonly kind: ActionKind<N, A> },
): ActionDefinition<N, A, P, R> {
  return definition;
}

export type AnyAction = ActionDefinition;
