/**
 * A connector is the CRM side of the sync: for each kind of entity it supports, a change
 * feed (what changed since a time), a writer (batched creates and updates that answer what
 * the CRM now holds) and removal. It speaks canonical fields only (see types.ts); the mapping
 * onto the CRM's own fields lives in the connector.
 *
 * Adding a connector: implement `Connector` in `src/sync/connectors/<name>/`, add its
 * configuration section to `config.ts` and its factory to `connectors/index.ts`.
 */
import type { ChangeFeed, DeletePolicy, EntityWriter } from './types.js';

/**
 * Kinds of CRM entities modules write: contacts and companies (two-way), campaigns (events),
 * campaign members (attendees), opportunities (registrations), booking opportunities (quotes
 * and bookings: the same CRM records under their own pairing key and stages) and email
 * engagements (the email log).
 */
export type EntityKind = 'contact' | 'company' | 'campaign' | 'campaignMember' | 'opportunity' | 'bookingOpportunity' | 'emailEngagement';

export interface EntityOptions {
  /** CRM field names of mapped custom fields, canonical name `custom:<crm>` each. */
  customFields: readonly string[];
  /** Whether subscription groups are synced (canonical field `groups`). */
  groups: boolean;
  /** Whether contact–company membership is synced (canonical field `companies`: CRM company ids). */
  companies?: boolean;
  /** A dry run: create nothing in the CRM, not even the properties or categories pairing needs. */
  readOnly?: boolean;
  /**
   * Region (ISO 3166 code) of phone numbers written without a country code (config
   * `sync.defaultRegion`): phone numbers are written in E.164 (phone.ts).
   */
  defaultRegion?: string;
}

export interface CrmEntity extends ChangeFeed, EntityWriter {
  readonly kind: EntityKind;
  /** The canonical fields this CRM holds for the entity (given the options). */
  readonly fields: readonly string[];
  /** Applies a delete policy to records whose iVvy counterpart was deleted. */
  remove(ids: readonly string[], policy: Exclude<DeletePolicy, 'ignore'>): Promise<Array<{ id: string; ok: boolean; error?: string }>>;
}

export interface Connector {
  readonly name: string;
  /** The entity, or undefined when this CRM has no counterpart for the kind. */
  entity(kind: EntityKind, options: EntityOptions): Promise<CrmEntity | undefined>;
  /** Requests sent so far (run statistics and tests). */
  requests(): number;
  close(): Promise<void>;
}
