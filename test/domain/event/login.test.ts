import assert from 'node:assert/strict';
import { it } from 'node:test';
import { registerForEvent } from '../../../src/domain/event/registrations/store.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addContact, addEvent, addTicket, expectApiError, fetchPage, inTransaction } from './fixtures.js';

describeEachDatabase('event: createLoginToken and the login link', ({ server }) => {
  const client = () => server().client;
  const token = (params: Record<string, unknown>) => client().call<{ token: string; loginUrl: string }>('event', 'createLoginToken', params);

  async function registered(tag: string) {
    const event = await addEvent(server(), `Login ${tag}`);
    const ticket = await addTicket(server(), event.id, 'Paid entry', 4000);
    const p = await addContact(server(), tag);
    await inTransaction(server(), (ctx) =>
      registerForEvent(ctx, { eventId: event.id, contactId: p.id, attendees: [{ contactId: p.id, firstName: p.firstName, lastName: p.lastName, ticketId: ticket }] }),
    );
    return { event, contact: p };
  }

  it('returns a single-use token whose login URL signs the contact in to their registration page', async () => {
    const { event, contact } = await registered('ok');
    const issued = await token({ event: event.id, contact: contact.id });
    assert.match(issued.token, /^[0-9a-f]{32}$/);
    assert.equal(issued.loginUrl, `${server().url}/event/${event.code}/registration/login/token?t=${issued.token}&contact=${contact.id}`);
    const stored = await server().store().selectFrom('event_login_tokens').select('token_hash').execute();
    assert.ok(!stored.some((r) => r.token_hash.includes(issued.token)), 'only a hash of the token is stored');

    const login = await fetchPage(issued.loginUrl);
    assert.equal(login.status, 303);
    assert.equal(login.headers.get('location'), `${server().url}/event/${event.code}/registration`);
    const cookie = login.headers.get('set-cookie')!;
    assert.match(cookie, /^marquee_event_session=[A-Za-z0-9_-]{24}; Path=\/event\/[0-9A-Z]+\/; Max-Age=7200; HttpOnly; SameSite=Lax$/);
    const page = await fetchPage(login.headers.get('location')!, { headers: { cookie: cookie.split(';')[0]! } });
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(contact.firstName) && page.text.includes('Payment required') && page.text.includes('/invoices/'));
    assert.equal((await fetchPage(login.headers.get('location')!)).status, 401, 'no cookie, no page');

    const again = await fetchPage(issued.loginUrl);
    assert.equal(again.status, 403);
    assert.ok(again.text.includes('already been used'));
  });

  it('expires, checks the contact and the saved referrer', async () => {
    const { event, contact } = await registered('rules');
    const expired = await token({ event: event.id, contact: contact.id });
    await server().store().updateTable('event_login_tokens').set({ expires_at: Date.now() - 1000 }).execute();
    const late = await fetchPage(expired.loginUrl);
    assert.equal(late.status, 403);
    assert.ok(late.text.includes('expired'));

    const fresh = await token({ event: event.id, contact: contact.id });
    assert.equal((await fetchPage(fresh.loginUrl.replace(`contact=${contact.id}`, `contact=${contact.id + 1}`))).status, 403);
    assert.equal((await fetchPage(fresh.loginUrl)).status, 303, 'a wrong contact does not burn the token');

    const guarded = await token({ event: event.id, contact: contact.id, referrer: 'https://members.example.com/events' });
    assert.equal((await fetchPage(guarded.loginUrl)).status, 403, 'no Referer');
    assert.equal((await fetchPage(guarded.loginUrl, { headers: { referer: 'https://evil.example.net/' } })).status, 403);
    assert.equal((await fetchPage(guarded.loginUrl, { headers: { referer: 'https://members.example.com/portal/home' } })).status, 303);
  });

  it('answers 24098 and 24099', async () => {
    const { event, contact } = await registered('errors');
    const stranger = await addContact(server(), 'stranger');
    await expectApiError(token({ event: 987654321, contact: contact.id }), 404, 24098, 'Unable to find event');
    await expectApiError(token({ event: event.id, contact: stranger.id }), 400, 24099, 'not registered');
    await expectApiError(token({ event: event.id, contact: 987654321 }), 400, 24099, 'does not exist');
    await expectApiError(client().call('event', 'createLoginToken', { event: event.id }), 400, 23017, "'contact' is required");
  });
});
