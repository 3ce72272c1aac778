/** Parameters of addOrUpdateContact, also accepted as addOrUpdateCompany's `primaryContact`. */
import { z } from 'zod';
import { array, bool, email, id, intEnum, string, text } from '../../../registry/params.js';
import { customFieldInput } from '../custom-fields/values.js';
import { externalUrlsInput } from '../external-urls.js';
import { SETTABLE_EMAIL_STATUSES, SMS_STATUSES } from './schemas.js';

/** A group is `{"groupId": 10}` as documented; a bare id is accepted too. */
const groupRef = z.preprocess(
  (v) => (typeof v === 'number' || typeof v === 'string' ? { groupId: v } : v),
  z.object({ groupId: id() }, { error: 'Value must be an object with a groupId' }),
);

export const contactInput = z.object(
  {
    id: id().optional(),
    firstName: text(100).optional(),
    lastName: text(100).optional(),
    /** The parameter table of add-or-update-contact.md spells it this way; the examples do not. */
    LastName: text(100).optional(),
    email: email().optional(),
    phone: string(50).nullable().optional(),
    externalId: string(255).nullable().optional(),
    groups: array(groupRef).nullable().optional(),
    customFields: array(customFieldInput).nullable().optional(),
    companies: array(id()).nullable().optional(),
    status: intEnum(SETTABLE_EMAIL_STATUSES).optional(),
    smsStatus: intEnum(SMS_STATUSES).optional(),
    updateIfExists: bool().optional(),
    externalUrls: externalUrlsInput(),
    privacyConsent: bool().optional(),
  },
  { error: 'Value must be an object' },
);

export type ContactInput = z.output<typeof contactInput>;
