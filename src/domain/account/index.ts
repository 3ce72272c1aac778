/**
 * The account namespace's actions owned here. getEmailLogList (email-log-actions.ts) and the
 * notification subscriptions (notification-actions.ts) are registered by their own modules.
 */
import { addOrUpdateCostCenter, getCostCenterList } from './cost-center-actions.js';
import { addErrorReport } from './error-report-actions.js';
import { getIndustryList } from './industry-actions.js';
import { getUserList } from './user-actions.js';

export const accountActions = [getUserList, getCostCenterList, addOrUpdateCostCenter, getIndustryList, addErrorReport] as const;
