/**
 * Storage of the crm namespace. Leads and opportunities share one table: iVvy converts a lead
 * into an opportunity by giving it a venue (venue?action=convertLeadToOpportunity), and every
 * lead/opportunity code of the docs ("The lead/opportunity does not exist") treats them as one
 * record. `venue_id` is null for a lead. Venues themselves belong to the venue namespace, which
 * Marquee does not implement yet, so venue ids are plain integers here.
 */
import type { Generated } from 'kysely';

interface Stamped {
  created_at: number;
  modified_at: number;
}

export interface CrmLeadStagesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  name: string;
  colour: string | null;
  /** add-or-update-lead-stage.md, applyTo: 1 = opportunity, 2 = lead. */
  apply_to: number;
  /** Stages the account starts with that the API may not change (24321). */
  is_system: Generated<number>;
}

export interface CrmLeadStageReasonsTable {
  id: Generated<number>;
  account_id: number;
  stage_id: number;
  reason: string;
  created_at: number;
}

export interface CrmLeadTypesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  type: string;
}

export interface CrmLeadSubtypesTable {
  id: Generated<number>;
  account_id: number;
  type_id: number;
  name: string;
  created_at: number;
}

export interface CrmLeadQualitiesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  label: string;
  show_on_dash: Generated<number>;
}

export interface CrmLeadSourcesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  name: string;
  description: string | null;
  /** Cents. */
  cost: Generated<number>;
  colour: string | null;
  is_referral: Generated<number>;
  /** Set on the account's built-in sources (1 = Referral Program); those are not editable (24326). */
  default_type: number | null;
}

export interface CrmLeadChannelsTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  name: string;
  /** Built-in channels the API may not change (24377). */
  is_system: Generated<number>;
}

export interface CrmActivityPurposesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  name: string;
  /** add-or-update-activity-purpose.md, Activity Purpose Type (1–4). */
  type: number;
}

export interface CrmLeadsTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  /** null for a lead; the opportunity's venue otherwise. */
  venue_id: number | null;
  name: string;
  description: string | null;
  owner_user_id: number | null;
  /** The lead's contact; for a company lead, the company's lead contact. */
  contact_id: number | null;
  /** Set when the lead's contact type is "company". */
  company_id: number | null;
  industry_id: number | null;
  /** Venue bookings are not implemented yet; always null until they are. */
  current_booking_id: number | null;
  quality_id: number | null;
  stage_id: number | null;
  stage_reason_id: number | null;
  /** When the stage last changed. */
  admin_status_changed_at: number | null;
  type_id: number | null;
  subtype_id: number | null;
  source_id: number | null;
  channel_id: number | null;
  closed_at: number | null;
  lost_to_competition: string | null;
  /** JSON array of `{ref, url, label}` (opportunities). */
  external_urls: string | null;
}

/** Lead custom field definitions; the same field types as contact custom fields. */
export interface CrmLeadCustomFieldsTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  field_type: number;
  display_name: string;
  is_required: Generated<number>;
  is_active: Generated<number>;
  sort_order: Generated<number>;
  select_values: string | null;
  file_types: string | null;
}

export interface CrmLeadCustomValuesTable {
  account_id: number;
  lead_id: number;
  field_id: number;
  /** JSON text of the value in its API form. */
  value: string;
}

export interface CrmLeadNotesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  lead_id: number;
  note_text: string;
  created_by_user_id: number | null;
}

export interface CrmTasksTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number | null;
  booking_id: number | null;
  lead_id: number | null;
  contact_id: number | null;
  company_id: number | null;
  /** The company's contact when a task names both a company and a contact. */
  company_contact_id: number | null;
  name: string;
  description: string | null;
  /** get-task-list.md, status (0–4). */
  status: number;
  /** low, medium or high. */
  priority: string | null;
  assigned_user_id: number | null;
  due_at: number;
  progress: Generated<number>;
}

export interface CrmActivitiesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number | null;
  lead_id: number | null;
  contact_id: number | null;
  company_id: number | null;
  company_contact_id: number | null;
  /** get-activity-list.md, subType: 1 meeting, 2 call, 3 email. */
  sub_type: number;
  name: string;
  description: string | null;
  purpose_id: number | null;
  location: string | null;
  priority: string | null;
  assigned_user_id: number | null;
  start_at: number | null;
  end_at: number | null;
}

declare module '../../storage/schema.js' {
  interface Database {
    crm_lead_stages: CrmLeadStagesTable;
    crm_lead_stage_reasons: CrmLeadStageReasonsTable;
    crm_lead_types: CrmLeadTypesTable;
    crm_lead_subtypes: CrmLeadSubtypesTable;
    crm_lead_qualities: CrmLeadQualitiesTable;
    crm_lead_sources: CrmLeadSourcesTable;
    crm_lead_channels: CrmLeadChannelsTable;
    crm_activity_purposes: CrmActivityPurposesTable;
    crm_leads: CrmLeadsTable;
    crm_lead_custom_fields: CrmLeadCustomFieldsTable;
    crm_lead_custom_values: CrmLeadCustomValuesTable;
    crm_lead_notes: CrmLeadNotesTable;
    crm_tasks: CrmTasksTable;
    crm_activities: CrmActivitiesTable;
  }
}
