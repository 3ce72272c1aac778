/** Result schemas of the space hire plan pages (get-space-hire-plan-list.md, get-space-hire-plan-rate*.md). */
import { z } from 'zod';
import { dateText, timestampText } from '../../../../registry/result-schemas.js';

const int = z.number().int();
const timeText = z.string().regex(/^\d{2}:\d{2}:\d{2}$/);
const taxIds = z.array(int);

export const spaceHirePlanResult = z.strictObject({
  id: int,
  name: z.string(),
  code: z.string().nullable(),
  description: z.string().nullable(),
  createdDate: timestampText,
  modifiedDate: timestampText,
});

export const planRateResult = z.strictObject({
  id: int,
  venueId: int,
  tariffId: int,
  colour: z.string(),
  startDate: dateText,
  endDate: dateText,
  daysOfWeek: z.array(int.min(0).max(6)),
  createdDate: timestampText,
  modifiedDate: timestampText,
});

export const spaceRateResult = z.strictObject({
  id: int,
  spaceId: int,
  spaceName: z.string().nullable(),
  minSpendCost: z.number(),
  minSpendCostExcludedTaxIds: taxIds,
  hourlyCost: z.number(),
  hourlyCostExcludedTaxIds: taxIds,
  halfDayCost: z.number(),
  halfDayCostExcludedTaxIds: taxIds,
  halfDayCostMinMins: int,
  halfDayCostMaxMins: int,
  halfDayCostAvailFrom: timeText.nullable(),
  halfDayCostAvailTo: timeText.nullable(),
  fullDayCost: z.number(),
  fullDayCostExcludedTaxIds: taxIds,
  fullDayCostMinMins: int,
  fullDayCostMaxMins: int,
  fullDayCostAvailFrom: timeText.nullable(),
  fullDayCostAvailTo: timeText.nullable(),
  nightCost: z.number(),
  nightCostExcludedTaxIds: taxIds,
  nightCostMinMins: int,
  nightCostMaxMins: int,
  nightCostAvailFrom: timeText.nullable(),
  nightCostAvailTo: timeText.nullable(),
  areCostsPerPerson: z.boolean(),
  hasLayoutRates: z.boolean(),
  createdDate: timestampText,
  modifiedDate: timestampText,
});

export const planRateDetailResult = planRateResult.extend({ spaceRates: z.array(spaceRateResult) });

export type PlanRate = z.input<typeof planRateResult>;
export type SpaceRate = z.input<typeof spaceRateResult>;
