/**
 * account.getUserList (account/get-user-list.md): the account's users. `isPrimary` is
 * Marquee's addition — the primary user is the one allowed to manage notification
 * subscriptions (notifications.md, Access), which a client otherwise cannot tell.
 */
import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import { formatOptionalTimestamp, formatTimestamp } from '../../protocol/timestamp.js';
import { defineListAction } from '../../registry/define-list-action.js';
import { modifiedDateFilters } from '../contact/modified-filters.js';
import { instantText } from '../crm/schemas.js';

/** User Current Status: 1 Active, 2 Inactive. */
const ACTIVE = 1 as const;
const INACTIVE = 2 as const;

const userResult = z.strictObject({
  id: z.number().int(),
  salutation: z.string().nullable(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  phoneMobile: z.string().nullable(),
  currentStatus: z.union([z.literal(ACTIVE), z.literal(INACTIVE)]),
  userType: z.number().int().min(1).max(5),
  groupId: z.number().int().nullable(),
  lastLoginDate: instantText.nullable(),
  createdDate: instantText,
  modifiedDate: instantText,
  isPrimary: z.boolean(),
});

export const getUserList = defineListAction({
  namespace: 'account',
  action: 'getUserList',
  /**
   * Every scalar field of the item. `venueId` (documented) would filter by the venues a user may
   * work in; Marquee keeps no per-user venue access, so it is refused as an unknown filter rather
   * than answered with every user (docs/compatibility.md, Account).
   */
  filters: {
    id: { column: 'users.id', type: 'integer' },
    salutation: { column: 'users.salutation', type: 'string' },
    firstName: { column: 'users.first_name', type: 'string' },
    middleName: { column: 'users.middle_name', type: 'string' },
    lastName: { column: 'users.last_name', type: 'string' },
    email: { column: 'users.email', type: 'string' },
    phone: { column: 'users.phone', type: 'string' },
    phoneMobile: { column: 'users.phone_mobile', type: 'string' },
    currentStatus: {
      type: 'integer',
      where: (eb, value) =>
        value === ACTIVE ? eb('users.is_active', '=', 1) : value === INACTIVE ? eb('users.is_active', '=', 0) : sql<SqlBool>`1 = 0`,
    },
    userType: { column: 'users.user_type', type: 'integer' },
    groupId: { column: 'users.group_id', type: 'integer' },
    isPrimary: { column: 'users.is_primary', type: 'boolean' },
    lastLoginDate: { column: 'users.last_login_at', type: 'timestamp' },
    createdDate: { column: 'users.created_at', type: 'timestamp' },
    modifiedDate: { column: 'users.modified_at', type: 'timestamp' },
    ...modifiedDateFilters('users.modified_at'),
  },
  item: userResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('users'),
    idColumn: 'users.id',
    select: (qb) => qb.selectAll('users'),
  }),
  items: (rows) =>
    rows.map((u) => ({
      id: u.id,
      salutation: u.salutation,
      firstName: u.first_name,
      middleName: u.middle_name,
      lastName: u.last_name,
      email: u.email,
      phone: u.phone,
      phoneMobile: u.phone_mobile,
      currentStatus: u.is_active === 1 ? ACTIVE : INACTIVE,
      userType: u.user_type,
      groupId: u.group_id,
      lastLoginDate: formatOptionalTimestamp(u.last_login_at),
      createdDate: formatTimestamp(u.created_at),
      modifiedDate: formatTimestamp(u.modified_at),
      isPrimary: u.is_primary === 1,
    })),
});
