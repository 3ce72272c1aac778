/** The setup requirements of package sessions, with their options (get-venue-package.md). */
import type { Scope } from '../../../../storage/scope.js';
import { groupBy } from '../group.js';
import { bool } from '../values.js';
import type { SetupRequirement } from './schemas.js';
import { packageTimestamp } from './shapes.js';
import { MAX_OF_EACH } from './session-items.js';

export async function setupsOfSessions(store: Scope, sessionIds: readonly number[]): Promise<Map<number, SetupRequirement[]>> {
  if (sessionIds.length === 0) return new Map();
  const setups = await store
    .selectFrom('venue_package_session_setups')
    .selectAll()
    .where('session_id', 'in', sessionIds)
    .orderBy('session_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const options =
    setups.length === 0
      ? []
      : await store
          .selectFrom('venue_package_session_setup_options')
          .selectAll()
          .where(
            'setup_id',
            'in',
            setups.map((s) => s.id),
          )
          .orderBy('setup_id')
          .orderBy('sort_order')
          .orderBy('id')
          .execute();
  const requirementOf = new Map(setups.map((s) => [s.id, s.setup_requirement_id]));
  const optionsOf = groupBy(
    options,
    (o) => o.setup_id,
    (o) => ({
      id: o.id,
      setupRequirementId: requirementOf.get(o.setup_id)!,
      setupRequirementOptionId: o.setup_requirement_option_id,
      name: o.name,
      createdDate: packageTimestamp(o.created_at),
      modifiedDate: packageTimestamp(o.modified_at),
      sortOrder: o.sort_order,
    }),
  );
  const bySession = groupBy(
    setups,
    (s) => s.session_id,
    (s): SetupRequirement => ({
      id: s.id,
      setupRequirementId: s.setup_requirement_id,
      name: s.name,
      description: s.description,
      createdDate: packageTimestamp(s.created_at),
      modifiedDate: packageTimestamp(s.modified_at),
      sortOrder: s.sort_order,
      hasChoices: bool(s.has_choices),
      minChoices: s.min_choices,
      maxChoices: s.max_choices,
      options: optionsOf.get(s.id) ?? [],
    }),
  );
  for (const [session, list] of bySession) bySession.set(session, list.slice(0, MAX_OF_EACH));
  return bySession;
}
