/** venue.getSpaceHirePlanRate (get-space-hire-plan-rate.md): one period of a plan with its price per space. */
import { z } from 'zod';
import { defineAction } from '../../../../registry/define-action.js';
import { id } from '../../../../registry/params.js';
import { requireVenue } from '../../venues/store.js';
import { planRateDetailResult } from './schemas.js';
import { planRateItem, spaceRatesOf } from './shapes.js';
import { requirePlan, requirePlanRate } from './store.js';

export const getSpaceHirePlanRate = defineAction({
  namespace: 'venue',
  action: 'getSpaceHirePlanRate',
  kind: 'read',
  params: z.object({ venueId: id(), tariffId: id(), tariffRateId: id() }),
  result: planRateDetailResult,
  async handler(ctx, params) {
    await requireVenue(ctx.store, params.venueId);
    const plan = await requirePlan(ctx.store, params.venueId, params.tariffId);
    const rate = await requirePlanRate(ctx.store, plan.id, params.tariffRateId);
    return { ...planRateItem(rate, plan.venue_id), spaceRates: await spaceRatesOf(ctx.store, rate.id) };
  },
});
