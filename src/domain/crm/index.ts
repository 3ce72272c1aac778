/** The crm namespace: leads and opportunities, their lists, notes, tasks and activities. */
import { addOrUpdateActivity, getActivityList } from './activities/actions.js';
import { getLeadList, getOpportunityList } from './leads/actions.js';
import { addOrUpdateLeadNote, getLeadNoteList, getOpportunityNoteList } from './notes/actions.js';
import { addOrUpdateLeadChannel, getLeadChannelList } from './reference/channels.js';
import { addOrUpdateActivityPurpose } from './reference/purposes.js';
import { addOrUpdateLeadQuality, getLeadQualityList } from './reference/qualities.js';
import { addOrUpdateLeadSource, getLeadSourceList } from './reference/sources.js';
import { addOrUpdateLeadStage, getLeadStageList } from './reference/stages.js';
import { addOrUpdateLeadType, getLeadTypeList } from './reference/types.js';
import { addOrUpdateTask, getTaskList } from './tasks/actions.js';

export const crmActions = [
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
] as const;
