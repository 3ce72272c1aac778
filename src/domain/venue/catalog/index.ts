/** The venue actions of the catalog area. */
import type { NamespaceActions } from '../../../registry/namespace.js';
import { getCostCenterList } from './accounting/cost-centers.js';
import { getRevenueTemplateList } from './accounting/revenue-templates.js';
import { getTaxList } from './accounting/taxes.js';
import { getBeveragePackageList } from './beverages/list.js';
import { getMenuList } from './menus/list.js';
import { getVenuePackage } from './packages/get.js';
import { getVenuePackageList } from './packages/list.js';
import { getBookingCustomFieldList } from './reference/booking-custom-fields.js';
import { getEventTypeList } from './reference/event-types.js';
import { getSessionTypeList } from './reference/session-types.js';
import { getSpaceHirePlanList } from './space-hire/plans.js';
import { getSpaceHirePlanRate } from './space-hire/rate.js';
import { getSpaceHirePlanRateList } from './space-hire/rates.js';

export const catalogActions: Partial<NamespaceActions<'venue'>> = {
  getMenuList,
  getBeveragePackageList,
  getVenuePackageList,
  getVenuePackage,
  getCostCenterList,
  getSessionTypeList,
  getRevenueTemplateList,
  getTaxList,
  getEventTypeList,
  getBookingCustomFieldList,
  getSpaceHirePlanList,
  getSpaceHirePlanRate,
  getSpaceHirePlanRateList,
};
