/**
 * API secrets at rest. HMAC verification needs the plain secret, so it cannot be hashed;
 * instead it is sealed with AES-256-GCM under a master key that lives outside the database
 * (env MARQUEE_MASTER_KEY or a 0600 key file). A leaked database alone yields no usable secret.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

const VERSION = 'v1';

export function createSecretBox(masterKey: Buffer): SecretBox {
  if (masterKey.length !== 32) throw new Error('The master key must be 32 bytes');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split(':');
      if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('Unrecognised sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', masterKey, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        // The only way a well-formed box fails to open is another key than the one that sealed it.
        throw new Error(WRONG_KEY);
      }
    },
  };
}

export const WRONG_KEY =
  "The database's API secrets were sealed with a different master key. Start Marquee with the key the " +
  'database was created with (MARQUEE_MASTER_KEY, or the file MARQUEE_MASTER_KEY_FILE names: ./data/master.key by ' +
  'default), or use a new database.';

/** Decodes a 32-byte key given as 64 hex characters or base64. */
export function decodeMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('MARQUEE_MASTER_KEY must be 32 bytes, as 64 hex characters or base64');
  return key;
}

/** Reads the key file, creating it (mode 0600) with a fresh random key on first use. */
export function loadOrCreateKeyFile(path: string): Buffer {
  if (existsSync(path)) return decodeMasterKey(readFileSync(path, 'utf8'));
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return key;
}
