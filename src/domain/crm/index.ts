/** The crm namespace: leads and opportunities, their lists, notes, tasks and activities. */
import { defineNamespace } from '../../registry/namespace.js';
import { addOrUpdateActivity, getActivityList } from './activities/actions.js';
import { getLeadList, getOpportunityList } from './leads/actions.js';
import { accountCrm } from './migrations/0007_account_crm.js';
import { addOrUpdateLeadNote, getLeadNoteList, getOpportunityNoteList } from './notes/actions.js';
import { addOrUpdateLeadChannel, getLeadChannelList } from './reference/channels.js';
import { addOrUpdateActivityPurpose } from './reference/purposes.js';
import { addOrUpdateLeadQuality, getLeadQualityList } from './reference/qualities.js';
import { addOrUpdateLeadSource, getLeadSourceList } from './reference/sources.js';
import { addOrUpdateLeadStage, getLeadStageList } from './reference/stages.js';
import { addOrUpdateLeadType, getLeadTypeList } from './reference/types.js';
import { crmSeeder } from './seed/seed.js';
import { addOrUpdateTask, getTaskList } from './tasks/actions.js';

export const crm = defineNamespace({
  namespace: 'crm',
  actions: {
    getLeadList,
    getOpportunityList,
    getLeadNoteList,
    getOpportunityNoteList,
    addOrUpdateLeadNote,
    getLeadStageList,
    addOrUpdateLeadStage,
    getLeadTypeList,
    addOrUpdateLeadType,
    getLeadQualityList,
    addOrUpdateLeadQuality,
    getLeadSourceList,
    addOrUpdateLeadSource,
    getLeadChannelList,
    addOrUpdateLeadChannel,
    addOrUpdateActivityPurpose,
    getTaskList,
    addOrUpdateTask,
    getActivityList,
    addOrUpdateActivity,
  },
  // The account namespace's cost centers and error reports came with the same migration.
  migrations: [accountCrm],
  seeder: crmSeeder,
});
