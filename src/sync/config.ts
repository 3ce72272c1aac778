/**
 * The sync configuration file (YAML, written commented by `marquee sync init`). `${NAME}`
 * anywhere in a value is replaced by the environment variable NAME, so secrets can stay out
 * of the file. Everything has a default except the endpoints and credentials.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { registrationStatus } from './modules/registrations.js';
import { isPhoneRegion } from './phone.js';

const deletePolicy = z.enum(['archive', 'delete', 'ignore']);
const side = z.enum(['ivvy', 'crm']);

const customFieldMap = z.object({
  /** The iVvy custom field id (getCustomFieldDefinition / getCompanyCustomFieldDefinition). */
  ivvyFieldId: z.number().int().positive(),
  /** The CRM field: a HubSpot property name, or a Tryton contact mechanism type. */
  crm: z.string().min(1),
});

const moduleBase = {
  enabled: z.boolean().default(true),
  /** What happens in the CRM when the iVvy record is deleted (found by reconciliation or webhook). */
  onDelete: deletePolicy.default('archive'),
  /** Field → the system whose value always wins for that field. */
  fieldOwners: z.record(z.string(), side).default({}),
  customFields: z.array(customFieldMap).default([]),
};

const contactsModule = z
  .object({
    ...moduleBase,
    subscriptionGroups: z.boolean().default(false),
    /** Contact–company membership (iVvy `companies`; HubSpot associations). Needs the companies module. */
    companies: z.boolean().default(false),
  })
  .strict();

const companiesModule = z.object(moduleBase).strict();

/**
 * One-way modules (crm-systems.md calls them optional: "the user can use the CRM portion and
 * not be forced into this feature"), so they are off until enabled.
 */
const oneWayBase = {
  enabled: z.boolean().default(false),
  /** What happens in the CRM when the iVvy record is deleted (found by reconciliation). */
  onDelete: deletePolicy.default('archive'),
};

const contactEmailsModule = z.object({ enabled: oneWayBase.enabled }).strict();

const eventsModule = z.object(oneWayBase).strict();

const attendeesModule = z
  .object({
    enabled: oneWayBase.enabled,
    /** Members of events starting at most this many days ago are kept up to date (0: every event). */
    eventsWithinDays: z.number().int().min(0).default(365),
  })
  .strict();

const registrationsModule = z
  .object({
    ...oneWayBase,
    /** Registration statuses that create opportunities (default: paid, i.e. completed). */
    statuses: z.array(registrationStatus).min(1).default(['completed']),
  })
  .strict();

const bookingsModule = z.object(oneWayBase).strict();

const hubspot = z
  .object({
    accessToken: z.string().min(1),
    /** Only for tests and proxies; the SDK's default is HubSpot's API. */
    basePath: z.string().url().optional(),
    /** Rolling 10-second allowance of the HubSpot account's plan. */
    requestsPerTenSeconds: z.number().int().positive().default(100),
    /** The CRM search endpoints' own per-second limit. */
    searchRequestsPerSecond: z.number().int().positive().default(4),
    /** Contact and company properties that hold the iVvy id (created when missing). */
    contactIvvyIdProperty: z.string().default('ivvy_contact_id'),
    companyIvvyIdProperty: z.string().default('ivvy_company_id'),
    /** Contact property (multiple checkboxes) holding subscription group names. */
    groupsProperty: z.string().default('ivvy_subscription_groups'),
    /** Deal and email properties holding the iVvy registration / email id (created when missing). */
    dealIvvyIdProperty: z.string().default('ivvy_registration_id'),
    emailIvvyIdProperty: z.string().default('ivvy_email_id'),
    /** The deal pipeline of registrations, and the stage of each registration status. */
    dealPipeline: z.string().default('default'),
    dealStages: z
      .object({
        completed: z.string().default('closedwon'),
        'payment-waiting': z.string().default('contractsent'),
        'in-progress': z.string().default('qualifiedtobuy'),
        cancelled: z.string().default('closedlost'),
      })
      .strict()
      .prefault({}),
    /** Quotes and bookings as deals (in `dealPipeline`): their iVvy id property and the stage of each booking status. */
    bookingIvvyIdProperty: z.string().default('ivvy_booking_id'),
    bookingDealStages: z
      .object({
        prospective: z.string().default('appointmentscheduled'),
        'prospective-hold': z.string().default('qualifiedtobuy'),
        tentative: z.string().default('contractsent'),
        confirmed: z.string().default('closedwon'),
        cancelled: z.string().default('closedlost'),
      })
      .strict()
      .prefault({}),
    /** Marketing events: the external account id they are filed under, and their organizer. */
    eventsExternalAccountId: z.string().min(1).default('ivvy'),
    eventOrganizer: z.string().min(1).default('iVvy'),
  })
  .strict();

const tryton = z
  .object({
    url: z.string().url(),
    database: z.string().min(1),
    username: z.string().min(1),
    password: z.string().min(1),
    /** Party categories marking which parties are contacts and which are companies. */
    contactCategory: z.string().default('iVvy contact'),
    companyCategory: z.string().default('iVvy company'),
    /** Parent category of the categories that stand for subscription groups. */
    groupsCategory: z.string().default('iVvy subscription groups'),
    /** Language of the mailing lists that stand for campaigns (an ir.lang code). */
    listLanguage: z.string().default('en'),
    requestsPerSecond: z.number().int().positive().default(20),
  })
  .strict();

export const syncConfigSchema = z
  .object({
    /** Names this sync's state in storage; two syncs sharing a database need two names. */
    profile: z.string().min(1).default('default'),
    ivvy: z
      .object({
        url: z.string().url(),
        key: z.string().min(1),
        secret: z.string().min(1),
        /** Use the batch namespace for bulk writes (falls back to single calls when refused). */
        useBatch: z.boolean().default(true),
      })
      .strict(),
    /** Where the sync keeps its state: a Marquee database URL (sqlite:… or postgres://…). */
    database: z.string().min(1),
    crm: z
      .object({
        connector: z.enum(['hubspot', 'tryton']),
        hubspot: hubspot.optional(),
        tryton: tryton.optional(),
      })
      .strict()
      .refine((c) => c[c.connector] !== undefined, { message: 'the section of the chosen connector is required' }),
    sync: z
      .object({
        pageSize: z.number().int().min(1).max(200).default(100),
        /** Seconds re-read before each cursor: absorbs clock skew and second-precision timestamps. */
        overlapSeconds: z.number().int().min(1).default(120),
        conflictPolicy: z.enum(['most-recent', 'ivvy-wins', 'crm-wins']).default('most-recent'),
        /** How often deletions are looked for by comparing every id on both sides. */
        reconcileEveryMinutes: z.number().int().min(0).default(1440),
        /** Refuse to apply a reconciliation that would delete more than this share of the pairs. */
        maxDeleteRatio: z.number().min(0).max(1).default(0.5),
        retries: z.number().int().min(0).max(10).default(5),
        retryBaseDelayMs: z.number().int().min(1).default(500),
        /**
         * Region (ISO 3166 code: AU, US …) of phone numbers written without a country code.
         * Phone numbers go to the CRM in E.164; without a region only numbers written with
         * their country code (+61 …) can be converted.
         */
        defaultRegion: z
          .string()
          .transform((s) => s.trim().toUpperCase())
          .refine(isPhoneRegion, { message: 'not a region code libphonenumber knows (ISO 3166, e.g. AU, US, GB)' })
          .optional(),
      })
      .strict()
      .prefault({}),
    watch: z
      .object({
        intervalSeconds: z.number().int().min(1).default(300),
        webhook: z
          .object({
            /** host:port the notification receiver listens on. */
            listen: z.string().default('0.0.0.0:8790'),
            /** The URL iVvy posts to (reaches `listen` through your proxy). */
            publicUrl: z.string().url(),
            /**
             * Origins allowed to serve the signing certificate (SigningCertURL). Default: the
             * iVvy URL's origin (a Marquee server serves its own); the real iVvy signs through
             * Amazon SNS, e.g. https://sns.ap-southeast-2.amazonaws.com.
             */
            trustedOrigins: z.array(z.string().url()).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .prefault({}),
    modules: z
      .object({
        contacts: contactsModule.prefault({}),
        companies: companiesModule.prefault({}),
        contactEmails: contactEmailsModule.prefault({}),
        events: eventsModule.prefault({}),
        attendees: attendeesModule.prefault({}),
        registrations: registrationsModule.prefault({}),
        bookings: bookingsModule.prefault({}),
      })
      .strict()
      .refine((m) => !(m.contacts.enabled && m.contacts.companies) || m.companies.enabled, {
        message: 'contacts.companies (membership) needs the companies module enabled',
        path: ['contacts', 'companies'],
      })
      .prefault({}),
  })
  .strict();

export type SyncConfig = z.output<typeof syncConfigSchema>;
export type ModuleConfig = SyncConfig['modules'][keyof SyncConfig['modules']];
export type ContactsConfig = SyncConfig['modules']['contacts'];

/** Replaces `${NAME}` with environment variables, in every string of the document. */
export function interpolate(value: unknown, env: NodeJS.ProcessEnv): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
      const found = env[name];
      if (found === undefined) throw new Error(`The configuration refers to \${${name}}, which is not set in the environment`);
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, env));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env)]));
  }
  return value;
}

export function parseSyncConfig(text: string, env: NodeJS.ProcessEnv = process.env, source = 'configuration'): SyncConfig {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new Error(`${source}: not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  const result = syncConfigSchema.safeParse(interpolate(document ?? {}, env));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${source} is not valid:\n${lines.join('\n')}`);
  }
  return result.data;
}

export function loadSyncConfig(path: string, env: NodeJS.ProcessEnv = process.env): SyncConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the sync configuration ${path}: ${(error as Error).message} (create one with: marquee sync init)`, {
      cause: error,
    });
  }
  return parseSyncConfig(text, env, path);
}
