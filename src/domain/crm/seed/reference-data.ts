/**
 * The CRM lists a seeded account starts with, as a venue sales team would set them up. Entries
 * marked `system` are the built-in ones the API may not edit.
 */
import { FieldType } from '../../contact/custom-fields/definitions.js';
import { APPLY_TO } from '../reference/stages.js';

export interface SeedStage {
  name: string;
  colour: string;
  applyTo: number;
  system?: boolean;
  reasons?: readonly string[];
  /** A closing stage: opportunities in it have a past close date. */
  closes?: 'won' | 'lost';
}

export const STAGES: readonly SeedStage[] = [
  { name: 'New Enquiry', colour: '#1f77b4', applyTo: APPLY_TO.lead },
  { name: 'Contacted', colour: '#17becf', applyTo: APPLY_TO.lead },
  { name: 'Qualified', colour: '#2ca02c', applyTo: APPLY_TO.lead, reasons: ['Budget confirmed', 'Dates confirmed'] },
  {
    name: 'Disqualified',
    colour: '#7f7f7f',
    applyTo: APPLY_TO.lead,
    reasons: ['No budget', 'Duplicate enquiry', 'Not contactable', 'Outside our capacity'],
  },
  { name: 'Prospecting', colour: '#9467bd', applyTo: APPLY_TO.opportunity },
  { name: 'Site Inspection', colour: '#8c564b', applyTo: APPLY_TO.opportunity },
  { name: 'Proposal Sent', colour: '#e377c2', applyTo: APPLY_TO.opportunity },
  { name: 'Negotiation', colour: '#ff7f0e', applyTo: APPLY_TO.opportunity },
  {
    name: 'Won',
    colour: '#2ca02c',
    applyTo: APPLY_TO.opportunity,
    system: true,
    closes: 'won',
    reasons: ['Price under budget', 'Repeat client', 'Best location', 'Flexible catering packages'],
  },
  {
    name: 'Lost',
    colour: '#d62728',
    applyTo: APPLY_TO.opportunity,
    system: true,
    closes: 'lost',
    reasons: ['Price too high', 'Dates unavailable', 'Lost to competitor', 'Event cancelled'],
  },
];

export const TYPES: ReadonlyArray<{ type: string; subtypes: readonly string[] }> = [
  { type: 'Corporate', subtypes: ['Conference', 'Meeting', 'Training', 'Product Launch', 'Christmas Party'] },
  { type: 'Social', subtypes: ['Wedding', 'Birthday', 'Gala Dinner'] },
  { type: 'Association', subtypes: [] },
  { type: 'Government', subtypes: [] },
  { type: 'Reseller', subtypes: ['Travel Agent', 'Professional Conference Organiser'] },
];

export const QUALITIES: ReadonlyArray<{ label: string; showOnDash: boolean }> = [
  { label: 'A-Grade', showOnDash: true },
  { label: 'B-Grade', showOnDash: true },
  { label: 'C-Grade', showOnDash: false },
];

export interface SeedSource {
  name: string;
  description?: string;
  /** Cents. */
  cost: number;
  colour: string;
  isReferral?: boolean;
  defaultType?: number;
}

export const SOURCES: readonly SeedSource[] = [
  { name: 'Venue Marketplace', cost: 0, colour: '#1f77b4' },
  { name: 'Website Widget', cost: 0, colour: '#2ca02c' },
  { name: 'Google Ads', description: 'Paid search campaigns', cost: 150, colour: '#ff7f0e' },
  { name: 'Third Party Websites', cost: 0, colour: '#9467bd' },
  { name: 'Trade Show', description: 'Stands at industry expos', cost: 2500, colour: '#8c564b' },
  { name: 'Repeat Client', cost: 0, colour: '#17becf' },
  { name: 'Referral Program', cost: 0, colour: '#e377c2', isReferral: true, defaultType: 1 },
];

export const CHANNELS: ReadonlyArray<{ name: string; system?: boolean }> = [
  { name: 'Direct', system: true },
  { name: 'Website Booking Engine', system: true },
  { name: 'Third Party Booking Engines' },
  { name: 'Magazine Ad' },
  { name: 'Email Campaign' },
  { name: 'PCO' },
];

export const PURPOSES: ReadonlyArray<{ name: string; type: number }> = [
  { name: 'Account Review', type: 1 },
  { name: 'Function Walkthrough', type: 2 },
  { name: 'Menu Tasting', type: 2 },
  { name: 'Corporate Rate Negotiation', type: 3 },
  { name: 'Group Booking Follow-up', type: 4 },
];

export const LEAD_FIELDS: ReadonlyArray<{ fieldType: number; displayName: string; selectValues?: readonly string[] }> = [
  { fieldType: FieldType.wholeNumber, displayName: 'Estimated Budget' },
  { fieldType: FieldType.wholeNumber, displayName: 'Expected Attendees' },
  { fieldType: FieldType.date, displayName: 'Preferred Event Date' },
  {
    fieldType: FieldType.singleSelect,
    displayName: 'Room Setup',
    selectValues: ['Theatre', 'Classroom', 'Banquet', 'Cocktail', 'Boardroom', 'U-Shape'],
  },
  { fieldType: FieldType.largeText, displayName: 'Special Requirements' },
];

export const EVENT_NAMES: readonly string[] = [
  'Annual Conference',
  'Sales Kickoff',
  'Leadership Offsite',
  'Product Launch',
  'Christmas Party',
  'Awards Night',
  'Board Retreat',
  'Training Day',
  'Wedding Reception',
  'Gala Dinner',
  'Client Breakfast',
  'Strategy Workshop',
];

export const TASK_NAMES: readonly string[] = [
  'Send proposal',
  'Follow up on quote',
  'Confirm final numbers',
  'Send menu options',
  'Book site inspection',
  'Prepare function sheet',
  'Chase signed contract',
  'Confirm AV requirements',
  'Send deposit invoice',
  'Call to confirm dates',
];

export const ACTIVITY_NAMES: readonly string[] = [
  'Introductory call',
  'Site inspection',
  'Menu tasting',
  'Proposal walkthrough',
  'Contract discussion',
  'Post-event debrief',
  'Quarterly account review',
];

export const NOTES: readonly string[] = [
  'Client prefers a room with natural light and a separate breakout space.',
  'Budget is flexible if we can include accommodation for the speakers.',
  'Asked for vegan and gluten-free options on every menu.',
  'Decision expected after their board meeting next month.',
  'Competing venue offered a lower day-delegate rate; we matched on AV instead.',
  'Wants to hold the date while they confirm numbers.',
  'Parking for 40 cars is a must.',
  'Repeat client: held their end-of-year party here last year.',
];

export const LOST_TO_COMPETITION: readonly string[] = [
  'More capacity available',
  'Lower day-delegate rate',
  'Closer to the airport',
  'Included accommodation in the package',
];
