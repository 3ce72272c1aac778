/**
 * The account-level lists a seeded account starts with: industries, subscription groups and
 * custom field definitions, as an events-and-venues business would set them up.
 */
import type { CustomFieldEntity } from '../tables.js';
import { FieldType } from '../custom-fields/definitions.js';

export const INDUSTRIES: readonly string[] = [
  'Accounting & Finance',
  'Advertising & Marketing',
  'Agriculture',
  'Associations & Not-for-Profit',
  'Automotive',
  'Banking',
  'Charity & Welfare',
  'Construction & Engineering',
  'Consulting',
  'Corporate Travel',
  'Education',
  'Energy & Utilities',
  'Entertainment & Media',
  'Fashion & Retail',
  'Food & Beverage',
  'Government',
  'Healthcare & Pharmaceuticals',
  'Hospitality & Tourism',
  'Insurance',
  'Information Technology',
  'Legal',
  'Manufacturing',
  'Mining & Resources',
  'Real Estate',
  'Sport & Recreation',
  'Telecommunications',
  'Transport & Logistics',
  'Weddings & Private Functions',
];

export const SUBSCRIPTION_GROUPS: ReadonlyArray<{ name: string; colour: string }> = [
  { name: 'Newsletter', colour: '#1f77b4' },
  { name: 'VIP Guests', colour: '#d62728' },
  { name: 'Conference Delegates', colour: '#2ca02c' },
  { name: 'Corporate Clients', colour: '#9467bd' },
  { name: 'Wedding Enquiries', colour: '#e377c2' },
  { name: 'Exhibitors', colour: '#ff7f0e' },
  { name: 'Speakers', colour: '#17becf' },
  { name: 'Suppliers', colour: '#7f7f7f' },
];

export interface SeedFieldDefinition {
  entity: CustomFieldEntity;
  fieldType: number;
  displayName: string;
  isRequired?: boolean;
  isActive?: boolean;
  selectValues?: readonly string[];
  fileTypes?: readonly string[];
}

export const CUSTOM_FIELDS: readonly SeedFieldDefinition[] = [
  { entity: 'contact', fieldType: FieldType.smallText, displayName: 'Job Title' },
  {
    entity: 'contact',
    fieldType: FieldType.singleSelect,
    displayName: 'Dietary Requirements',
    selectValues: ['None', 'Vegetarian', 'Vegan', 'Gluten Free', 'Halal', 'Kosher', 'Nut Allergy'],
  },
  {
    entity: 'contact',
    fieldType: FieldType.multipleSelect,
    displayName: 'Event Interests',
    selectValues: ['Conferences', 'Gala Dinners', 'Workshops', 'Networking', 'Exhibitions', 'Team Building'],
  },
  { entity: 'contact', fieldType: FieldType.date, displayName: 'Date of Birth' },
  { entity: 'contact', fieldType: FieldType.address, displayName: 'Postal Address' },
  { entity: 'contact', fieldType: FieldType.largeText, displayName: 'Accessibility Needs' },
  { entity: 'contact', fieldType: FieldType.wholeNumber, displayName: 'Events Attended' },
  { entity: 'contact', fieldType: FieldType.file, displayName: 'Profile Photo', fileTypes: ['images'] },
  { entity: 'contact', fieldType: FieldType.staticText, displayName: 'Privacy Statement' },
  { entity: 'contact', fieldType: FieldType.smallText, displayName: 'Fax (legacy)', isActive: false },
  { entity: 'company', fieldType: FieldType.smallText, displayName: 'Tax Number' },
  {
    entity: 'company',
    fieldType: FieldType.largeSelect,
    displayName: 'Account Tier',
    selectValues: ['Bronze', 'Silver', 'Gold', 'Platinum'],
  },
  {
    entity: 'company',
    fieldType: FieldType.multipleSelect,
    displayName: 'Preferred Event Types',
    selectValues: ['Conference', 'Product Launch', 'Awards Night', 'Board Meeting', 'Christmas Party'],
  },
  { entity: 'company', fieldType: FieldType.date, displayName: 'Contract Renewal Date' },
  { entity: 'company', fieldType: FieldType.address, displayName: 'Billing Address' },
  { entity: 'company', fieldType: FieldType.wholeNumber, displayName: 'Employees' },
  { entity: 'company', fieldType: FieldType.file, displayName: 'Signed Agreement', fileTypes: ['documents'] },
];

export const NOTE_TEMPLATES: readonly string[] = [
  'Called to discuss dates for {event}; prefers {month}. Follow up next week.',
  'Sent the proposal for {event}. Budget around {amount} for {guests} guests.',
  'Site inspection booked for {month}. Interested in the ballroom and two breakout rooms.',
  'Confirmed dietary requirements for the {event} attendees.',
  'Asked for updated AV pricing for {event}.',
  'Left a voicemail about the {event} contract renewal.',
  'Met at the industry expo; keen on a {event} in {month}.',
  'Invoice query resolved; payment expected by end of {month}.',
];

export const EVENT_KINDS: readonly string[] = [
  'annual conference',
  'product launch',
  'awards night',
  'leadership offsite',
  'Christmas party',
  'sales kickoff',
  'board dinner',
  'training day',
];
