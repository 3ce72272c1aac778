/**
 * Actions outside the iVvy catalogue, for tests that need a handler of their own (registries
 * built with `allowUncatalogued`). `defineAction` refuses such names at compile time.
 */
import type { z } from 'zod';
import type { ActionDefinition } from '../../src/registry/define-action.js';

export function defineFixtureAction<const N extends string, const A extends string, P extends z.ZodType, R extends z.ZodType>(
  definition: ActionDefinition<N, A, P, R>,
): ActionDefinition<N, A, P, R> {
  return definition;
}
