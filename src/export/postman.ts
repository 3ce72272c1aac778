/**
 * The Postman collection (v2.1) of every implemented action (`marquee export postman`): one
 * folder per namespace, one request per action with an example body read from its parameter
 * schema, the variables baseUrl / apiKey / apiSecret, and a collection-level pre-request script
 * that signs each request (signing-script.ts). The multipart upload is left out: Postman's
 * script cannot read a file part, so it could not sign one (docs/export.md).
 */
import { findCatalogueEntry } from '../protocol/catalogue.js';
import type { AnyAction } from '../registry/define-action.js';
import { multipartOf, requestUri } from './action-path.js';
import { exampleParams } from './example-params.js';
import { SIGNING_DESCRIPTION } from './security-scheme.js';
import { SIGNING_SCRIPT } from './signing-script.js';

export const POSTMAN_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export interface PostmanOptions {
  /** Value of the baseUrl variable (no `/api/1.0`). */
  baseUrl: string;
}

export interface PostmanRequestItem {
  name: string;
  request: {
    method: 'POST';
    header: Array<{ key: string; value: string }>;
    body: { mode: 'raw'; raw: string; options: { raw: { language: 'json' } } };
    url: { raw: string; host: string[]; path: string[]; query: Array<{ key: string; value: string }> };
    description: string;
  };
}

export interface PostmanCollection {
  info: { name: string; description: string; schema: string };
  item: Array<{ name: string; item: PostmanRequestItem[] }>;
  event: Array<{ listen: 'prerequest'; script: { type: 'text/javascript'; exec: string[] } }>;
  variable: Array<{ key: string; value: string; type: 'string' }>;
}

function requestItem(def: AnyAction): PostmanRequestItem {
  const uri = requestUri(def);
  const [path = '', query = ''] = uri.split('?');
  const entry = findCatalogueEntry(def.namespace, def.action);
  return {
    name: `${def.namespace}.${def.action}`,
    request: {
      method: 'POST',
      header: [{ key: 'Content-Type', value: 'application/json' }],
      body: { mode: 'raw', raw: JSON.stringify(exampleParams(def), null, 2), options: { raw: { language: 'json' } } },
      url: {
        raw: `{{baseUrl}}${uri}`,
        host: ['{{baseUrl}}'],
        path: path.split('/').filter((s) => s !== ''),
        query: query.split('&').map((pair) => {
          const [key = '', value = ''] = pair.split('=');
          return { key, value: decodeURIComponent(value) };
        }),
      },
      description:
        `${def.kind === 'read' ? 'Reads' : 'Writes, in one transaction'}.` +
        (entry ? ` Documented on \`${entry.doc}\` of the iVvy API reference.` : '') +
        ' The body holds the required parameters; `marquee describe` lists them all.',
    },
  };
}

export function buildPostmanCollection(actions: readonly AnyAction[], options: PostmanOptions): PostmanCollection {
  const folders = new Map<string, PostmanRequestItem[]>();
  for (const def of actions) {
    if (multipartOf(def)) continue;
    const folder = folders.get(def.namespace) ?? [];
    folder.push(requestItem(def));
    folders.set(def.namespace, folder);
  }
  return {
    info: {
      name: 'iVvy API v1.0 (Marquee)',
      description: `Every JSON action Marquee implements. Set apiKey and apiSecret (collection or environment variables); the collection's pre-request script signs each request.\n\n${SIGNING_DESCRIPTION}`,
      schema: POSTMAN_SCHEMA,
    },
    item: [...folders].map(([name, item]) => ({ name, item })),
    event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: [...SIGNING_SCRIPT] } }],
    variable: [
      { key: 'baseUrl', value: options.baseUrl, type: 'string' },
      { key: 'apiKey', value: '', type: 'string' },
      { key: 'apiSecret', value: '', type: 'string' },
    ],
  };
}
