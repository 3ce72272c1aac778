/**
 * Template images kept on disk between processes, so only the first sandbox on a machine pays
 * for migrating and seeding: test runners (Vitest, Jest, node --test) start a process per test
 * file, and each would otherwise build its own template.
 *
 * An image is valid for the code that built it and the day its demo data is dated from
 * (seed.ts anchoredNow), so its name is a digest of the template's options, that day, and the
 * path, size and modification time of every file of the code tree this module was loaded from
 * (dist/ or src/): a rebuild or an edit makes a new image. Images hold no sealed secret (keys
 * are made per sandbox), so any process may open any of them. Writes go to a temporary name
 * and are renamed into place, so a reader never sees half an image.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIRECTORY = join(tmpdir(), 'marquee-sandbox-templates');
/** Images of other code or days are left for other checkouts, newest first, up to this many. */
const KEPT_IMAGES = 8;

let codeStamp: string | undefined;

/** A digest of the code tree's file list, sizes and times (a stat per file, no reads). */
function stampOfCode(): string {
  if (codeStamp !== undefined) return codeStamp;
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const hash = createHash('sha1');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|ts)$/.test(entry.name)) {
        const stat = statSync(path);
        hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  walk(root);
  codeStamp = hash.digest('hex');
  return codeStamp;
}

export function cachedImagePath(id: string, day: number): string {
  const name = createHash('sha1').update(`${id}\0${day}\0${stampOfCode()}`).digest('hex').slice(0, 24);
  return join(DIRECTORY, `${name}.sqlite`);
}

export function readCachedImage(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

/** Best effort: a machine whose temp directory is not writable builds its templates per process. */
export function writeCachedImage(path: string, image: Buffer): void {
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    mkdirSync(DIRECTORY, { recursive: true });
    writeFileSync(partial, image);
    renameSync(partial, path);
    prune();
  } catch {
    rmSync(partial, { force: true });
  }
}

function prune(): void {
  const images = readdirSync(DIRECTORY)
    .filter((name) => name.endsWith('.sqlite'))
    .map((name) => ({ path: join(DIRECTORY, name), at: statSync(join(DIRECTORY, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of images.slice(KEPT_IMAGES)) rmSync(old.path, { force: true });
}
