/** The commented configuration `marquee sync init` writes. */

export function configTemplate(connector: 'hubspot' | 'tryton'): string {
  const hubspot = connector === 'hubspot' ? '' : '# ';
  const tryton = connector === 'tryton' ? '' : '# ';
  return `# Marquee CRM sync configuration (docs/sync.md).
# \${NAME} anywhere in a value is replaced by the environment variable NAME: keep secrets
# out of this file that way.

# Names this sync's state (cursors, id map, runs, conflicts) in the database below. Two
# syncs sharing one database need two profiles.
profile: default

# The iVvy side: the real iVvy API or a Marquee server. Only the API is used.
ivvy:
  url: https://api.ap-southeast-2.ivvy.com
  key: \${IVVY_API_KEY}
  secret: \${IVVY_API_SECRET}
  # Bulk writes into iVvy go through the batch namespace (falls back to single calls).
  useBatch: true

# Where the sync keeps its own state: sqlite:./path.db or postgres://user@host:5432/db.
database: sqlite:./data/marquee-sync.db

crm:
  connector: ${connector}   # hubspot or tryton
  ${hubspot}hubspot:
  ${hubspot}  accessToken: \${HUBSPOT_ACCESS_TOKEN}   # a private app token with CRM scopes
  ${hubspot}  # Your plan's rolling allowance (requests per 10 seconds) and the search limit.
  ${hubspot}  requestsPerTenSeconds: 100
  ${hubspot}  searchRequestsPerSecond: 4
  ${hubspot}  # Properties holding the iVvy ids (created in HubSpot when missing).
  ${hubspot}  contactIvvyIdProperty: ivvy_contact_id
  ${hubspot}  companyIvvyIdProperty: ivvy_company_id
  ${hubspot}  # Contact property holding subscription group names, when groups are synced.
  ${hubspot}  groupsProperty: ivvy_subscription_groups
  ${hubspot}  # Registrations become deals in this pipeline, at the stage of their status.
  ${hubspot}  dealIvvyIdProperty: ivvy_registration_id
  ${hubspot}  dealPipeline: default
  ${hubspot}  dealStages:
  ${hubspot}    completed: closedwon
  ${hubspot}    payment-waiting: contractsent
  ${hubspot}    in-progress: qualifiedtobuy
  ${hubspot}    cancelled: closedlost
  ${hubspot}  # Quotes and bookings become deals in dealPipeline, at the stage of their status.
  ${hubspot}  bookingIvvyIdProperty: ivvy_booking_id
  ${hubspot}  bookingDealStages:
  ${hubspot}    prospective: appointmentscheduled
  ${hubspot}    prospective-hold: qualifiedtobuy
  ${hubspot}    tentative: contractsent
  ${hubspot}    confirmed: closedwon
  ${hubspot}    cancelled: closedlost
  ${hubspot}  # Emails become email engagements; events marketing events filed under this account id.
  ${hubspot}  emailIvvyIdProperty: ivvy_email_id
  ${hubspot}  eventsExternalAccountId: ivvy
  ${hubspot}  eventOrganizer: iVvy
  ${tryton}tryton:
  ${tryton}  # scripts/tryton/setup.sh and serve.sh make this database and serve it here.
  ${tryton}  url: http://127.0.0.1:8000
  ${tryton}  database: tryton
  ${tryton}  username: admin
  ${tryton}  password: \${TRYTON_PASSWORD}
  ${tryton}  # Parties carrying these categories are the synced contacts and companies.
  ${tryton}  contactCategory: iVvy contact
  ${tryton}  companyCategory: iVvy company
  ${tryton}  # Subscription groups are categories under this one.
  ${tryton}  groupsCategory: iVvy subscription groups
  ${tryton}  # Language (ir.lang code) of the mailing lists that stand for events.
  ${tryton}  listLanguage: en
  ${tryton}  requestsPerSecond: 20

sync:
  pageSize: 100
  # Seconds re-read before each cursor: covers clock skew between the systems and iVvy's
  # one-second timestamps. Records re-read are recognised and skipped.
  overlapSeconds: 120
  # Both systems changed the same record since the last run: most-recent (the later
  # modification wins the whole record), ivvy-wins or crm-wins. Every conflict is logged.
  conflictPolicy: most-recent
  # Deletions are found by comparing every id on both sides this often (minutes).
  reconcileEveryMinutes: 1440
  # A reconciliation that would delete more than this share of the pairs is refused.
  maxDeleteRatio: 0.5
  # 429 and 5xx answers from either side are retried with backoff, honouring Retry-After.
  retries: 5
  retryBaseDelayMs: 500
  # Phone numbers go to the CRM in E.164 (+61298765432); numbers written without a country
  # code are read as numbers of this region (ISO 3166 code). Marquee's demo data are US numbers.
  defaultRegion: AU

watch:
  # marquee sync watch runs every intervalSeconds (the backstop) ...
  intervalSeconds: 300
  # ... and, with a webhook, as soon as iVvy notifies a change (contacts, companies, events).
  # webhook:
  #   listen: 0.0.0.0:8790
  #   publicUrl: https://sync.example.com/ivvy-notifications

modules:
  contacts:
    enabled: true
    # What happens in the CRM when a contact is deleted in iVvy: archive, delete or ignore.
    onDelete: archive
    # Fields whose value always comes from one system, whatever changed:
    # fieldOwners: { email: crm }
    # iVvy custom fields (getCustomFieldDefinition ids) and the CRM field for each:
    # customFields:
    #   - { ivvyFieldId: 12, crm: favourite_colour }
    subscriptionGroups: false
    # Which companies a contact works for (HubSpot associations; needs the companies module).
    companies: false
  companies:
    enabled: true
    onDelete: archive
    # customFields:
    #   - { ivvyFieldId: 3, crm: account_tier }

  # The modules below go one way, iVvy → CRM, and are off until you enable them.
  # Emails iVvy sent to contacts (the email log), HTML bodies kept, on the CRM contact.
  contactEmails:
    enabled: false
  # Events as CRM campaigns (HubSpot marketing events, Tryton mailing lists).
  events:
    enabled: false
    onDelete: archive
  # Invitations and attendees as campaign members: invitation answer, registered, attended.
  # Needs the events and contacts modules. Members of events that started at most this many
  # days ago are kept up to date (0: every event).
  attendees:
    enabled: false
    eventsWithinDays: 365
  # Delegate and exhibitor registrations as opportunities with their revenue. Only these
  # statuses create one (completed = paid); after changing them: marquee sync run --full.
  registrations:
    enabled: false
    onDelete: archive
    statuses: [completed]
  # Venue quotes (prospective, prospective hold) and bookings (tentative, confirmed) as
  # opportunities with their value and event date; a cancelled one is closed lost.
  # Needs the contacts module (and companies for the company).
  bookings:
    enabled: false
    onDelete: archive
`;
}
