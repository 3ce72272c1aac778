/**
 * The key pair that signs every notification, with a self-signed X.509 certificate for SNS
 * validators (they read the public key from the certificate at SigningCertURL). Every server
 * process sharing a database must sign with the same key, so it lives in the database, the
 * private half sealed with the runtime's secret box, and is created by whichever process needs
 * it first (a race is settled by the primary key: the loser reads the winner's row).
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import type { SecretBox } from '../auth/secret-box.js';
import type { Storage } from '../storage/database.js';

export interface SigningKey {
  privateKey: KeyObject;
  /** SPKI PEM, served at SigningPublicKeyPath. */
  publicKeyPem: string;
  /** X.509 PEM, served at SigningCertURL. */
  certificatePem: string;
  /** Hex fingerprint of the certificate, part of the SigningCertURL. */
  fingerprint: string;
  /** Creation time in epoch seconds, part of SigningPublicKeyPath (iVvy puts a number there too). */
  keyId: number;
}

const KEY_NAME = 'sns';
const CERT_YEARS = 20;

/** node-forge is imported here only: a certificate is made once per database, not per start. */
async function selfSignedCertificate(publicKeyPem: string, privateKeyPem: string, now: number): Promise<string> {
  const { default: forge } = await import('node-forge');
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  // A positive serial number: forge takes hex, and a leading 0-7 digit keeps the sign bit clear.
  cert.serialNumber = `0${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now - 60_000);
  cert.validity.notAfter = new Date(now + CERT_YEARS * 365 * 24 * 3600_000);
  const name = [
    { name: 'commonName', value: 'Marquee Notification Signing' },
    { name: 'organizationName', value: 'Marquee' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

async function loadRow(storage: Storage) {
  return storage.db.selectFrom('notification_keys').selectAll().where('name', '=', KEY_NAME).executeTakeFirst();
}

async function createRow(storage: Storage, box: SecretBox): Promise<void> {
  const now = Date.now();
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  await storage.db
    .insertInto('notification_keys')
    .values({
      name: KEY_NAME,
      private_key_box: box.seal(privateKey),
      public_key: publicKey,
      certificate: await selfSignedCertificate(publicKey, privateKey, now),
      created_at: now,
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

const cache = new WeakMap<Storage, Promise<SigningKey>>();

async function load(storage: Storage, box: SecretBox): Promise<SigningKey> {
  let row = await loadRow(storage);
  if (!row) {
    await createRow(storage, box);
    row = await loadRow(storage);
  }
  if (!row) throw new Error('The notification signing key could not be created');
  return {
    privateKey: createPrivateKey(box.open(row.private_key_box)),
    publicKeyPem: row.public_key,
    certificatePem: row.certificate,
    fingerprint: new X509Certificate(row.certificate).fingerprint256.replace(/:/g, '').toLowerCase().slice(0, 32),
    keyId: Math.floor(row.created_at / 1000),
  };
}

/** The signing key of this database, created on first use and cached per storage. */
export function signingKey(storage: Storage, box: SecretBox): Promise<SigningKey> {
  let pending = cache.get(storage);
  if (!pending) {
    pending = load(storage, box);
    // A failure (database briefly down) must not be cached for the life of the process.
    pending.catch(() => cache.delete(storage));
    cache.set(storage, pending);
  }
  return pending;
}
