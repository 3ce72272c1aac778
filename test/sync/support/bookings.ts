/**
 * Venue quotes and bookings for the sync scenarios (the bookings module): a venue, an event
 * type, a contact, and one booking in each status a client can create — a quote, a quote on
 * hold, a tentative and a confirmed booking — added through the API.
 */
import type { TestServer } from '../../support/server.js';
import { addVenue } from '../../domain/venue/fixtures.js';

export interface VenueBookings {
  venueId: number;
  contactId: number;
  quote: number;
  hold: number;
  tentative: number;
  confirmed: number;
}

export async function addVenueBookings(server: TestServer, tag: string): Promise<VenueBookings> {
  const store = server.store();
  const now = Date.now();
  const venueId = await addVenue(store, { name: `Harbour Centre ${tag}`, timezone: 'Australia/Sydney' });
  const eventTypeId = (
    await store
      .insertInto('venue_event_types', { name: `Gala ${tag}`, description: null, marketplace_event_type: null, contact_type: 0, is_viewable: 1, created_at: now, modified_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const { id: contactId } = await server.client.call<{ id: number }>('contact', 'addOrUpdateContact', {
    firstName: 'Ava',
    lastName: `Booker${tag}`,
    email: `ava.booker.${tag}@example.com`,
  });
  const add = async (name: string, currentStatus: number, dateEventStart: string) =>
    (
      await server.client.call<{ id: number }>('venue', 'addOrUpdateBooking', {
        venueId,
        bookingType: 1,
        currentStatus,
        name,
        contactId,
        eventTypeId,
        bookedById: server.primaryUserId,
        totalAttendees: 80,
        dateEventStart,
        dateEventEnd: dateEventStart,
      })
    ).id;
  return {
    venueId,
    contactId,
    quote: await add('Harbour Gala', 1, '2031-05-01'),
    hold: await add('Board Retreat', 9, '2031-06-10'),
    tentative: await add('Product Launch', 2, '2031-07-01'),
    confirmed: await add('Awards Night', 3, '2031-09-01'),
  };
}
