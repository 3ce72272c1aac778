/**
 * The `venueId` and `venueGroupId` filters of getContactList and getCompanyList: contacts and
 * companies a venue (or any venue of a group) deals with, through the venue's link table. The
 * outer list is scoped to the caller's account, so another account's venue matches nothing.
 */
import type { ExpressionFilter } from '../../../storage/collection.js';

type Member = { link: 'venue_contacts'; column: 'contact_id'; owner: 'contacts.id' } | { link: 'venue_companies'; column: 'company_id'; owner: 'companies.id' };

export const CONTACT_MEMBERS: Member = { link: 'venue_contacts', column: 'contact_id', owner: 'contacts.id' };
export const COMPANY_MEMBERS: Member = { link: 'venue_companies', column: 'company_id', owner: 'companies.id' };

export function venueMemberFilters(m: Member): { venueId: ExpressionFilter; venueGroupId: ExpressionFilter } {
  return {
    venueId: {
      type: 'integer',
      where: (eb, value) => eb(m.owner, 'in', eb.selectFrom(m.link).select(`${m.link}.${m.column}`).where(`${m.link}.venue_id`, '=', value)),
    },
    venueGroupId: {
      type: 'integer',
      where: (eb, value) =>
        eb(
          m.owner,
          'in',
          eb
            .selectFrom(m.link)
            .innerJoin('venues', 'venues.id', `${m.link}.venue_id`)
            .select(`${m.link}.${m.column}`)
            .where('venues.group_id', '=', value),
        ),
    },
  };
}
