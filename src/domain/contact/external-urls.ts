/**
 * External URL fields of contacts and companies (add-or-update-contact.md, External URL
 * Field): at most three, keyed by `ref`. A request merges by ref: an entry with a url adds or
 * replaces that ref, an entry whose url is null removes it, and `externalUrls: null` removes
 * them all. Stored as a JSON array on the owning row.
 */
import { z } from 'zod';
import { array, string, text } from '../../registry/params.js';

export const MAX_EXTERNAL_URLS = 3;

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const webUrl = () =>
  string(2048).refine(isWebUrl, { message: 'Value must be an absolute http(s) URL, e.g. https://example.com' });

export const externalUrlInput = z.object(
  {
    ref: text(100),
    url: webUrl().nullable().optional(),
    label: string(255).nullable().optional(),
  },
  { error: 'Value must be an object' },
);
export type ExternalUrlInput = z.output<typeof externalUrlInput>;

export const externalUrlsInput = () => array(externalUrlInput, MAX_EXTERNAL_URLS).nullable().optional();

export interface ExternalUrl {
  ref: string;
  url: string;
  label: string | null;
}

export const externalUrlResult = z.strictObject({ ref: z.string(), url: z.string(), label: z.string().nullable() });

export function parseExternalUrls(json: string | null): ExternalUrl[] {
  return json ? (JSON.parse(json) as ExternalUrl[]) : [];
}

export function serialiseExternalUrls(urls: readonly ExternalUrl[]): string | null {
  return urls.length === 0 ? null : JSON.stringify(urls);
}

/** The merged list, or the reason the request cannot be applied. */
export function mergeExternalUrls(
  current: readonly ExternalUrl[],
  changes: readonly ExternalUrlInput[] | null,
): { urls: ExternalUrl[] } | { error: string } {
  if (changes === null) return { urls: [] };
  const urls = current.map((u) => ({ ...u }));
  for (const change of changes) {
    const ref = change.ref.trim();
    const at = urls.findIndex((u) => u.ref === ref);
    if (change.url === null) {
      if (at >= 0) urls.splice(at, 1);
      continue;
    }
    if (change.url === undefined) {
      if (at < 0) return { error: `The external URL '${ref}' does not exist; a url is required to add it` };
      if (change.label !== undefined) urls[at]!.label = change.label;
      continue;
    }
    const label = change.label !== undefined ? change.label : at >= 0 ? urls[at]!.label : null;
    const next = { ref, url: change.url.trim(), label };
    if (at >= 0) urls[at] = next;
    else urls.push(next);
  }
  if (urls.length > MAX_EXTERNAL_URLS) {
    return { error: `At most ${MAX_EXTERNAL_URLS} external URLs are allowed` };
  }
  return { urls };
}
