/**
 * The account namespace: users, cost centers, industries, error reports, the email log and
 * notification subscriptions. Its tables came with the crm namespace's migration 0007 and the
 * platform's (users, the email log, subscriptions).
 */
import { defineNamespace } from '../../registry/namespace.js';
import { addOrUpdateCostCenter, getCostCenterList } from './cost-center-actions.js';
import { getEmailLogList } from './email-log-actions.js';
import { addErrorReport } from './error-report-actions.js';
import { getIndustryList } from './industry-actions.js';
import { subscribeToNotifications, unsubscribeFromNotifications } from './notification-actions.js';
import { accountSeeder } from './seed.js';
import { getUserList } from './user-actions.js';

export const account = defineNamespace({
  namespace: 'account',
  actions: {
    addErrorReport,
    addOrUpdateCostCenter,
    getCostCenterList,
    getEmailLogList,
    getIndustryList,
    getUserList,
    subscribeToNotifications,
    unsubscribeFromNotifications,
  },
  seeder: accountSeeder,
});
