/**
 * Sandbox databases are copies of a template image, one per kind (seeded with given options,
 * or empty), built once per machine and day (template-cache.ts) and kept in memory by each
 * process: migrating and seeding take seconds, opening a copy of an image takes milliseconds.
 * The template holds the account (its primary user, no key) and a snapshot of its starting
 * state, which `reset()` restores.
 */
import type { Logger } from 'pino';
import { findDemoAccount } from '../auth/accounts.js';
import type { Config } from '../config.js';
import { createRuntime } from '../runtime.js';
import { anchoredNow, createDemoAccount, seedBatch } from '../seed/seed.js';
import { takeSnapshot } from '../storage/snapshot/index.js';
import { openMemoryStorage } from './memory-storage.js';
import { cachedImagePath, readCachedImage, writeCachedImage } from './template-cache.js';

/** The snapshot of a sandbox's starting state, in every template. */
export const START_SNAPSHOT = 'sandbox.start';

export interface TemplateSpec {
  seed: boolean;
  contacts: number;
  randomSeed: number;
}

export interface Template {
  image: Buffer;
  accountId: number;
}

const templates = new Map<string, Promise<Template>>();

/** The template from an image kept on disk, or null when there is none or it cannot be read. */
async function load(image: Buffer | null): Promise<Template | null> {
  if (image === null) return null;
  let storage: ReturnType<typeof openMemoryStorage> | undefined;
  try {
    storage = openMemoryStorage(image);
    const accountId = await findDemoAccount(storage.db);
    return accountId === null ? null : { image, accountId };
  } catch {
    return null;
  } finally {
    await storage?.close();
  }
}

async function build(spec: TemplateSpec, config: Config, log: Logger): Promise<Template> {
  const storage = openMemoryStorage();
  const runtime = await createRuntime(config, { storage, log });
  try {
    const accountId = await createDemoAccount(runtime);
    if (spec.seed) await seedBatch(runtime, { accountId, contacts: spec.contacts, randomSeed: spec.randomSeed, now: anchoredNow() });
    await takeSnapshot(storage.db, storage.dialect, { name: START_SNAPSHOT, accountId });
    return { image: storage.image(), accountId };
  } finally {
    await runtime.close();
  }
}

/**
 * The template for `spec`: this process's, the machine's (on disk), or built now with `config`
 * (whose settings do not show in the data: a template serves every sandbox of its kind).
 */
export function templateFor(spec: TemplateSpec, config: Config, log: Logger): Promise<Template> {
  const id = spec.seed ? `seeded:${spec.contacts}:${spec.randomSeed}` : 'empty';
  let template = templates.get(id);
  if (!template) {
    const path = cachedImagePath(id, anchoredNow());
    template = (async () => {
      const cached = await load(readCachedImage(path));
      if (cached) return cached;
      const built = await build(spec, config, log);
      writeCachedImage(path, built.image);
      return built;
    })();
    // A failed build is not remembered: the next sandbox tries again.
    template.catch(() => templates.delete(id));
    templates.set(id, template);
  }
  return template;
}
