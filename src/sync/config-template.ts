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
  ${tryton}tryton:
  ${tryton}  url: http://127.0.0.1:8000
  ${tryton}  database: tryton
  ${tryton}  username: admin
  ${tryton}  password: \${TRYTON_PASSWORD}
  ${tryton}  # Parties carrying these categories are the synced contacts and companies.
  ${tryton}  contactCategory: iVvy contact
  ${tryton}  companyCategory: iVvy company
  ${tryton}  # Subscription groups are categories under this one.
  ${tryton}  groupsCategory: iVvy subscription groups
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

watch:
  # marquee sync watch runs every intervalSeconds (the backstop) ...
  intervalSeconds: 300
  # ... and, with a webhook, as soon as iVvy notifies a contact or company change.
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
  companies:
    enabled: true
    onDelete: archive
    # customFields:
    #   - { ivvyFieldId: 3, crm: account_tier }
`;
}
