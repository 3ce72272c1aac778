/** What getVenue and the venue lists show of a venue's function spaces. */
import type { Scope } from '../../../storage/scope.js';
import type { FunctionSpaceSummary } from '../venues/schemas.js';
import { layoutType } from './function-spaces/shapes.js';
import { spaceRelations } from './function-spaces/store.js';

export interface SpaceFigures {
  numMeetingRooms: number;
  maxSpaceArea: number | null;
  totalSpaceArea: number | null;
  maxSpaceCapacity: number | null;
}

const maxOf = (values: readonly number[]) => (values.length === 0 ? null : Math.max(...values));

/**
 * Figures per venue id; venues without spaces are absent. Every space counts as a meeting room;
 * the total area adds up the spaces that do not divide, so a ballroom and its three parts are
 * not counted twice. The capacity is the largest layout maximum, or maxPax for a space without
 * layout maxima.
 */
export async function spaceFiguresOf(store: Scope, venueIds: readonly number[]): Promise<Map<number, SpaceFigures>> {
  if (venueIds.length === 0) return new Map();
  const spaces = await store
    .selectFrom('function_spaces')
    .select(['id', 'venue_id', 'area', 'max_pax'])
    .where('venue_id', 'in', venueIds)
    .execute();
  if (spaces.length === 0) return new Map();
  const rel = await spaceRelations(
    store,
    spaces.map((s) => s.id),
  );
  const figures = new Map<number, SpaceFigures>();
  for (const venueId of venueIds) {
    const mine = spaces.filter((s) => s.venue_id === venueId);
    if (mine.length === 0) continue;
    const areas = mine.flatMap((s) => (s.area === null ? [] : [s.area]));
    const wholeAreas = mine.flatMap((s) => (s.area === null || (rel.parts.get(s.id)?.length ?? 0) > 0 ? [] : [s.area]));
    const capacities = mine.flatMap((s) => {
      const layoutMaxima = (rel.layouts.get(s.id) ?? []).flatMap((l) => (l.pax_maximum === null ? [] : [l.pax_maximum]));
      if (layoutMaxima.length > 0) return layoutMaxima;
      return s.max_pax > 0 ? [s.max_pax] : [];
    });
    figures.set(venueId, {
      numMeetingRooms: mine.length,
      maxSpaceArea: maxOf(areas),
      totalSpaceArea: wholeAreas.length === 0 ? null : wholeAreas.reduce((a, b) => a + b, 0),
      maxSpaceCapacity: maxOf(capacities),
    });
  }
  return figures;
}

/** The venue's function spaces with their layouts (get-venue.md, functionSpace), in their sort order. */
export async function functionSpacesOfVenue(store: Scope, venueId: number): Promise<FunctionSpaceSummary[]> {
  const spaces = await store.selectFrom('function_spaces').selectAll().where('venue_id', '=', venueId).orderBy('sort_order').orderBy('id').execute();
  const rel = await spaceRelations(
    store,
    spaces.map((s) => s.id),
  );
  return spaces.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    area: s.area,
    length: s.length,
    width: s.width,
    heightMaximum: s.height_maximum,
    heightMinimum: s.height_minimum,
    floorPressureMaximum: s.floor_pressure_maximum,
    floorPressureMinimum: s.floor_pressure_minimum,
    marketplaceName: s.marketplace_name,
    marketplaceEventTypes: s.marketplace_event_types === null ? null : (JSON.parse(s.marketplace_event_types) as number[]),
    minPax: s.min_pax,
    maxPax: s.max_pax,
    hasLayouts: s.has_layouts === 1,
    image: null,
    layouts: (rel.layouts.get(s.id) ?? []).map((l) => ({
      id: l.id,
      type: layoutType(l.type),
      paxMinimum: l.pax_minimum,
      paxMaximum: l.pax_maximum,
      timeForSetup: l.setup_minutes,
      timeForTakedown: l.takedown_minutes,
    })),
  }));
}
