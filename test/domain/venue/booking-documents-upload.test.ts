import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, after, it } from 'node:test';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import { hmacSha1Hex, md5Hex, stringToSign } from '../../../src/protocol/signing.js';
import { formatTimestamp } from '../../../src/protocol/timestamp.js';
import { expectApiError } from '../../support/api-error.js';
import { REPO_ROOT } from '../../support/repo-root.js';
import { signedRaw } from '../../support/signed-raw.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addBooking, bookingWorld, changesSince, lastChangeId, type BookingWorld } from './bookings-fixtures.js';

const run = promisify(execFile);
// The iVvy reference sits beside the checkout where Marquee is developed; a clone without it
// skips the one test that runs the page's own example.
const PAGE = join(REPO_ROOT, '..', 'shared', 'ivvy-api-reference', 'venues', 'getoraddbookingdata', 'upload-booking-document.md');
const NO_PAGE = existsSync(PAGE) ? false : 'the iVvy reference is not beside this checkout';
const LIMIT = 64 * 1024;

interface Doc {
  id: number;
  documentNumber: number;
  version: number;
  type: number;
  status: number;
  file: { url: string; urlExpiry: string; filename: string } | null;
}
interface Page<T> {
  meta: { totalResults: number };
  results: T[];
}
interface Uploaded {
  success: boolean;
  id: number;
  documentNumber: number;
  version: number;
}

/** A real PDF with an embedded binary stream holding every byte value, so any mangling shows. */
function binaryPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      // Every byte value, CR LF pairs and a fake boundary line after the PDF's end.
      resolve(Buffer.concat([...chunks, Buffer.from('\r\n--boundary\r\n\r\n'), all, all.reverse(), randomBytes(2048)]));
    });
    doc.on('error', reject);
    doc.text('Contract for the annual conference');
    doc.end();
  });
}

/** Signs and sends a multipart upload the way the page does, from Node (fetch picks the boundary). */
async function upload(
  url: string,
  key: string,
  secret: string,
  fields: Record<string, string>,
  file: { bytes: Buffer; name: string; type: string } | null,
  tamper: { fieldsJson?: string; contentMd5?: string; action?: string; fileField?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  if (file) form.append(tamper.fileField ?? 'fileId', new Blob([file.bytes], { type: file.type }), file.name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const path = `/api/1.0/venue?action=${tamper.action ?? 'uploadBookingDocument'}`;
  const date = formatTimestamp(new Date(), false);
  const fileMd5 = tamper.contentMd5 ?? md5Hex(file?.bytes ?? Buffer.alloc(0));
  const signature = hmacSha1Hex(
    secret,
    stringToSign({
      method: 'POST',
      contentMd5: md5Hex(tamper.fieldsJson ?? JSON.stringify(fields)) + fileMd5,
      contentType: 'multipart/form-data',
      date: '',
      requestUri: path,
      apiVersion: '1.0',
      ivvyHeaders: [['IVVY-Date', date]],
    }),
  );
  const res = await fetch(url + path, {
    method: 'POST',
    body: form,
    headers: { 'X-Api-Authorization': `IWS ${key}:${signature}`, 'Content-MD5': fileMd5, 'IVVY-Date': date, 'X-Api-Version': '1.0' },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The page's example script, with the server, key, ids and file put in its variables. */
async function pageScript(s: { url: string; key: string; secret: string }, ids: { venueId: number; bookingId: number; documentNumber: number }, file: string): Promise<string> {
  const page = await readFile(PAGE, 'utf8');
  const script = /```sh\n([\s\S]*?)```/.exec(page)?.[1];
  assert.ok(script, 'the page has its example script');
  const swap = (text: string, from: string, to: string) => {
    assert.ok(text.includes(from), `the example has ${from}`);
    return text.split(from).join(to);
  };
  let out = script;
  out = swap(out, 'API_KEY="apikey"', `API_KEY="${s.key}"`);
  out = swap(out, 'API_SECRET="apkisecret"', `API_SECRET="${s.secret}"`);
  out = swap(out, '[PlatformAddress]', s.url);
  out = swap(out, 'PATH_TO_FILE="/path/to/document.pdf"', `PATH_TO_FILE="${file}"`);
  out = swap(out, '\\"venueId\\":\\"1\\"', `\\"venueId\\":\\"${ids.venueId}\\"`);
  out = swap(out, '\\"bookingId\\":\\"29836\\"', `\\"bookingId\\":\\"${ids.bookingId}\\"`);
  out = swap(out, '\\"documentNumber\\":\\"123\\"', `\\"documentNumber\\":\\"${ids.documentNumber}\\"`);
  out = swap(out, '--form "venueId=1"', `--form "venueId=${ids.venueId}"`);
  out = swap(out, '--form "bookingId=29836"', `--form "bookingId=${ids.bookingId}"`);
  out = swap(out, '--form "documentNumber=123"', `--form "documentNumber=${ids.documentNumber}"`);
  out = swap(out, 'curl --location', 'curl --silent --show-error --location');
  return out;
}

async function download(url: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describeEachDatabase(
  'venue booking documents: uploadBookingDocument and the document lists',
  ({ server }) => {
    let w: BookingWorld;
    let bookingId: number;
    let dir: string;
    let pdf: Buffer;
    before(async () => {
      w = await bookingWorld(server().store(), server().client, server().primaryUserId);
      bookingId = await addBooking(server().client, w);
      dir = await mkdtemp(join(tmpdir(), 'marquee-docs-'));
      pdf = await binaryPdf();
    });
    after(async () => {
      await rm(dir, { recursive: true, force: true });
    });
    const s = () => server();
    const fields = (extra: Record<string, string> = {}) => ({ venueId: String(w.venueId), bookingId: String(bookingId), type: '4', status: '4', ...extra });
    const list = (action: string, params: Record<string, unknown>) => s().client.call<Page<Doc>>('venue', action, { venueId: w.venueId, bookingId, ...params });

    it("takes the page's own curl example, and both versions download byte for byte", { skip: NO_PAGE }, async () => {
      const first = await upload(s().url, s().key, s().secret, fields({ canBeDeleted: '1' }), { bytes: pdf, name: 'contract v1.pdf', type: 'application/pdf' });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const v1 = first.body as unknown as Uploaded;
      assert.deepEqual([v1.success, v1.version], [true, 1]);

      const second = Buffer.concat([pdf, randomBytes(1024)]);
      const path = join(dir, 'contract v2.pdf');
      await writeFile(path, second);
      const script = await pageScript(s(), { venueId: w.venueId, bookingId, documentNumber: v1.documentNumber }, path);
      const { stdout } = await run('bash', ['-c', script]);
      const v2 = JSON.parse(stdout) as Uploaded;
      assert.deepEqual([v2.success, v2.documentNumber, v2.version], [true, v1.documentNumber, 2], stdout);

      const versions = await list('getBookingDocumentVersionList', { documentNumber: v1.documentNumber });
      assert.deepEqual(versions.results.map((d) => [d.id, d.version]), [[v1.id, 1], [v2.id, 2]]);
      const latest = await list('getBookingDocumentList', {});
      assert.deepEqual(latest.results.map((d) => d.id), [v2.id], 'the document list shows the latest version');
      const [d1, d2] = versions.results as [Doc, Doc];
      assert.equal(d2.type, 3, "the page's example uploads a quote (type 3)");
      assert.equal(d1.file?.filename, 'contract v1.pdf');
      assert.equal(d2.file?.filename, 'contract v2.pdf');
      assert.ok(Date.parse(d1.file!.urlExpiry.replace(' UTC', 'Z').replace(' ', 'T')) > Date.now(), 'the link expires in the future');

      for (const [doc, bytes] of [[d1, pdf], [d2, second]] as const) {
        const got = await download(doc.file!.url);
        assert.equal(got.status, 200);
        assert.ok(got.bytes.equals(bytes), 'the file comes back byte for byte');
        assert.equal(got.headers.get('content-type'), 'application/pdf');
        assert.match(got.headers.get('content-disposition') ?? '', /^inline; filename="contract v\d\.pdf"/);
        assert.match(got.headers.get('cache-control') ?? '', /no-store/);
        assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
      }
    });

    it('refuses links that were altered or have expired', async () => {
      const { body } = await upload(s().url, s().key, s().secret, fields(), { bytes: Buffer.from('plain notes'), name: 'notes.txt', type: 'text/plain' });
      const [doc] = (await list('getBookingDocumentVersionList', { documentNumber: (body as unknown as Uploaded).documentNumber })).results;
      const url = new URL(doc!.file!.url);
      const signature = url.searchParams.get('signature')!;
      const altered = new URL(url);
      altered.searchParams.set('signature', (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1));
      assert.equal((await download(altered.toString())).status, 404);
      const later = new URL(url);
      later.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 1));
      assert.equal((await download(later.toString())).status, 404, 'the expiry is signed');
      const other = new URL(url);
      other.pathname = other.pathname.replace(/\d+$/, (n) => String(Number(n) + 1));
      assert.equal((await download(other.toString())).status, 404, 'the signature is for one file');
      const ok = await download(url.toString());
      assert.equal(ok.headers.get('content-type'), 'text/plain');
      assert.match(ok.headers.get('content-disposition') ?? '', /^attachment; /, 'anything but PDFs and images downloads');
    });

    it('serves an uploaded HTML file as a download, never as a page of this origin', async () => {
      const { body } = await upload(s().url, s().key, s().secret, fields({ type: '5' }), { bytes: Buffer.from('<script>alert(1)</script>'), name: '../../évènement x.html', type: 'text/html' });
      const [doc] = (await list('getBookingDocumentVersionList', { documentNumber: (body as unknown as Uploaded).documentNumber })).results;
      assert.equal(doc!.file!.filename, 'évènement x.html', 'directories are dropped');
      const got = await download(doc!.file!.url);
      assert.equal(got.headers.get('content-disposition'), `attachment; filename="_v_nement x.html"; filename*=UTF-8''%C3%A9v%C3%A8nement%20x.html`);
      assert.match(got.headers.get('content-security-policy') ?? '', /sandbox/);
    });

    it('refuses an upload above MARQUEE_UPLOAD_MAX_BYTES with 413 and stores nothing', async () => {
      const before = await s().store().selectFrom('booking_files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const docs = await s().store().selectFrom('booking_documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const res = await upload(s().url, s().key, s().secret, fields(), { bytes: randomBytes(LIMIT + 1), name: 'big.pdf', type: 'application/pdf' });
      assert.equal(res.status, 413);
      assert.equal(res.body.specificCode, 23013);
      assert.match(String(res.body.message), new RegExp(`${LIMIT} bytes`));
      const exact = await upload(s().url, s().key, s().secret, fields(), { bytes: randomBytes(LIMIT), name: 'exact.pdf', type: 'application/pdf' });
      assert.equal(exact.status, 200, 'a file of exactly the limit is taken');
      const afterFiles = await s().store().selectFrom('booking_files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const afterDocs = await s().store().selectFrom('booking_documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(afterFiles.n), Number(before.n) + 1);
      assert.equal(Number(afterDocs.n), Number(docs.n) + 1);
    });

    it('checks the signature over the fields and the file, and Content-MD5 against the file', async () => {
      const file = { bytes: pdf, name: 'a.pdf', type: 'application/pdf' };
      const forged = await upload(s().url, s().key, s().secret, fields(), file, { fieldsJson: JSON.stringify(fields({ bookingId: '999999' })) });
      assert.deepEqual([forged.status, forged.body.specificCode], [401, 23003]);
      const corrupt = await upload(s().url, s().key, s().secret, fields(), file, { contentMd5: md5Hex('something else') });
      assert.deepEqual([corrupt.status, corrupt.body.specificCode], [401, 23004]);
    });

    it('takes multipart for uploadBookingDocument only, and refuses a JSON upload with 24464', async () => {
      // Another action verifies the body as bytes, as always: the upload's signature does not fit it…
      const other = await upload(s().url, s().key, s().secret, fields(), { bytes: pdf, name: 'a.pdf', type: 'application/pdf' }, { action: 'getBookingDocumentList' });
      assert.deepEqual([other.status, other.body.specificCode], [401, 23004]);
      // …and a form signed as bytes is not JSON.
      const form = `--x\r\nContent-Disposition: form-data; name="bookingId"\r\n\r\n${bookingId}\r\n--x--\r\n`;
      const raw = signedRaw({ key: s().key, secret: s().secret, namespace: 'venue', action: 'getBookingDocumentList', body: form, contentType: 'multipart/form-data; boundary=x' });
      const res = await fetch(s().url + raw.path, { method: 'POST', headers: raw.headers, body: form });
      assert.deepEqual([res.status, ((await res.json()) as { specificCode: number }).specificCode], [400, 23012]);
      await expectApiError(s().client.call('venue', 'uploadBookingDocument', { ...fields(), fileId: '/path/to/document.pdf' }), 400, 24464, 'multipart/form-data');
      const noFile = await upload(s().url, s().key, s().secret, fields(), null);
      assert.deepEqual([noFile.status, noFile.body.specificCode], [400, 24464]);
      const misnamed = await upload(s().url, s().key, s().secret, fields(), { bytes: pdf, name: 'a.pdf', type: 'application/pdf' }, { fileField: 'document' });
      assert.deepEqual([misnamed.status, misnamed.body.specificCode], [400, 24464]);
      const empty = await upload(s().url, s().key, s().secret, fields(), { bytes: Buffer.alloc(0), name: 'empty.pdf', type: 'application/pdf' });
      assert.deepEqual([empty.status, empty.body.specificCode], [400, 24465]);
    });

    it('answers the documented errors and keeps accounts apart', async () => {
      const file = { bytes: pdf, name: 'a.pdf', type: 'application/pdf' };
      const unknownNumber = await upload(s().url, s().key, s().secret, fields({ documentNumber: '99999999' }), file);
      assert.deepEqual([unknownNumber.status, unknownNumber.body.specificCode], [400, 24465]);
      const badType = await upload(s().url, s().key, s().secret, fields({ type: '9' }), file);
      assert.deepEqual([badType.status, badType.body.specificCode], [400, 23016]);
      const wrongVenue = await upload(s().url, s().key, s().secret, fields({ venueId: String(w.otherVenueId) }), file);
      assert.deepEqual([wrongVenue.status, wrongVenue.body.specificCode], [404, 23026]);

      const stranger = await s().newAccount();
      const theirs = await upload(s().url, stranger.key, stranger.secret, fields(), file);
      assert.deepEqual([theirs.status, theirs.body.specificCode], [404, 23026], "another account cannot upload to this account's booking");
      await expectApiError(stranger.client.call('venue', 'getBookingDocumentList', { venueId: w.venueId, bookingId }), 404, 23026);
      await expectApiError(stranger.client.call('venue', 'getBookingDocumentVersionList', { bookingId }), 404, 23026);
    });

    it('filters onlyGenerated, records the change, the changelog entry and who uploaded', async () => {
      const other = await addBooking(s().client, w);
      const mark = await lastChangeId(s().store());
      const draft = await upload(s().url, s().key, s().secret, { ...fields({ status: '3' }), bookingId: String(other) }, { bytes: pdf, name: 'draft.pdf', type: 'application/pdf' });
      const sent = await upload(s().url, s().key, s().secret, { ...fields({ status: '5', canBeDeleted: '0' }), bookingId: String(other) }, { bytes: pdf, name: 'sent.pdf', type: 'application/pdf' });
      const all = await s().client.call<Page<Doc>>('venue', 'getBookingDocumentList', { bookingId: other });
      assert.deepEqual(all.results.map((d) => d.id), [(draft.body as unknown as Uploaded).id, (sent.body as unknown as Uploaded).id]);
      const generated = await s().client.call<Page<Doc>>('venue', 'getBookingDocumentList', { bookingId: other, onlyGenerated: true });
      assert.deepEqual(generated.results.map((d) => d.status), [5], 'a draft is not generated');
      const stored = await s().store().selectFrom('booking_documents').select(['can_be_deleted', 'created_by']).where('booking_id', '=', other).orderBy('id').execute();
      assert.deepEqual(stored.map((r) => r.can_be_deleted), [1, 0]);

      const changes = await changesSince(s().store(), mark);
      const generatedChanges = changes.filter((c) => c.subject === 'BookingDocumentGenerated');
      assert.equal(generatedChanges.length, 2);
      assert.equal((generatedChanges[0]!.body.data as Doc).id, (draft.body as unknown as Uploaded).id);
      assert.deepEqual(generatedChanges[0]!.body.previousData, {});
      const log = await s().client.call<Page<{ noteText: string }>>('venue', 'getBookingChangelogList', { venueId: w.venueId, bookingId: other });
      assert.ok(log.results.some((e) => /Document \d+ version 1 uploaded: draft\.pdf/.test(e.noteText)), JSON.stringify(log.results));
    });
  },
  { uploadMaxBytes: LIMIT },
);
