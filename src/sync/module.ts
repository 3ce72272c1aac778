/**
 * A module syncs one kind of iVvy record with one kind of CRM entity. It owns the iVvy side:
 * how to read changes (through the SDK), how to map iVvy records onto canonical fields and
 * back, and how to write into iVvy when it is two-way. The engine does the rest (pairing,
 * cursors, conflicts, deletions, retries), so a new module is one file under `modules/` plus
 * one line in `modules/index.ts`.
 */
import type { Logger } from 'pino';
import type { EntityKind, EntityOptions } from './connector.js';
import type { IvvyApi } from './ivvy/api.js';
import type { IvvyWriter } from './ivvy/writes.js';
import type { LinkStore } from './store/links.js';
import type { ChangeFeed, DeletePolicy, EntityWriter, Side } from './types.js';

export interface ModuleSettings {
  enabled: boolean;
  onDelete: DeletePolicy;
  fieldOwners: Readonly<Record<string, Side>>;
  customFields: ReadonlyArray<{ ivvyFieldId: number; crm: string }>;
  /** Module-specific switches (e.g. `subscriptionGroups` for contacts). */
  [key: string]: unknown;
}

export interface ModuleContext {
  api: IvvyApi;
  writer: IvvyWriter;
  settings: ModuleSettings;
  pageSize: number;
  /** The id map, to translate ids of related records synced by other modules. */
  links: LinkStore;
  log: Logger;
}

/** The iVvy side of a module for one run. */
export interface IvvySide extends ChangeFeed {
  /** Canonical fields the iVvy side holds. */
  readonly fields: readonly string[];
  /** Present for two-way modules. */
  readonly writer?: EntityWriter;
}

export interface SyncModule {
  readonly name: string;
  readonly description: string;
  readonly kind: EntityKind;
  /** True when CRM changes flow back into iVvy. */
  readonly twoWay: boolean;
  /** Modules whose pairs this one refers to (synced first). */
  readonly dependsOn: readonly string[];
  /** The notification subjects (contactsEndpoint, …) that mean "this module has changes". */
  readonly webhook?: { endpoint: string; changed: readonly string[]; deleted?: { subject: string; idKey: string } };
  /**
   * Whether deletions are looked for by reconciliation (default true). Off for modules whose
   * iVvy records are never deleted (the email log; invitations and attendees, whose changes
   * are statuses), where listing every id would cost much and find nothing.
   */
  readonly reconcile?: boolean;
  entityOptions(settings: ModuleSettings): EntityOptions;
  open(ctx: ModuleContext): Promise<IvvySide>;
}
