/**
 * The ceiling: the least a Node.js JSON API can do per request on one core. A bare node:http
 * server that reads a POST body, parses it as JSON and answers a fixed object of about 1 KB,
 * serialised per request as any real handler would. Everything Marquee does (signature
 * verification, dispatch, validation, storage, shaping) costs on top of this.
 */
import { createServer } from 'node:http';

const ANSWER = {
  meta: { totalResults: 1, start: 0, perPage: 100, count: 1 },
  results: [
    {
      id: 10042,
      firstName: 'Isabella',
      lastName: 'Marchetti',
      email: 'isabella.marchetti@example.com',
      phone: '(555) 013-2297',
      status: 1,
      smsStatus: 1,
      customFields: [
        { fieldId: 1, displayName: 'Job Title', value: 'Director of Events' },
        { fieldId: 4, displayName: 'Dietary Requirements', value: ['Vegetarian', 'Nut allergy'] },
      ],
      groups: [{ contactId: 10042, groupId: 3, joinDate: '2025-04-17 09:30:00' }],
      companies: [2211],
      companiesData: [{ id: 2211, businessName: 'Harbourview Conventions Pty Ltd' }],
      externalId: 'CRM-8Q2LX0M4TZ',
      modifiedDate: '2026-11-20 14:02:11 UTC',
      isAnonymised: false,
      externalUrls: [{ ref: 'linkedin', url: 'https://www.linkedin.com/in/isabella-marchetti', label: 'LinkedIn' }],
      privacyConsentData: { source: 2, dateTime: '2025-04-17 09:30:00 UTC' },
      eventInvitations: [],
      eventRegistrations: [{ eventId: 77, registrationId: 90311, status: 1 }],
    },
  ],
};

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    try {
      JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"error":"bad json"}');
      return;
    }
    const text = JSON.stringify(ANSWER);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ ready: true, url: `http://127.0.0.1:${port}`, bytes: Buffer.byteLength(JSON.stringify(ANSWER)) })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
