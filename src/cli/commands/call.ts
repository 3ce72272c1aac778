import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { explainNetworkError } from '../network-error.js';
import { printJson } from '../shared.js';

/** The parameters: JSON given as is, `-` for standard input, or `@file.json`. */
function readParams(json: string | undefined): unknown {
  if (json === undefined) return {};
  const text = json === '-' ? readFileSync(0, 'utf8') : json.startsWith('@') ? readFileSync(json.slice(1), 'utf8') : json;
  try {
    return JSON.parse(text);
  } catch {
    const from = json === '-' ? 'standard input' : json.startsWith('@') ? json.slice(1) : 'the argument';
    throw new Error(`The parameters in ${from} are not JSON, e.g. '{"id": 1}'`);
  }
}

export function registerCall(program: Command): void {
  program
    .command('call <namespace> <action> [json]')
    .usage('<namespace> <action> [json | - | @file.json] [options]')
    .description('Send a signed API call and print the JSON response (a curl for this API)')
    .option('--url <url>', 'server base URL (env MARQUEE_URL)', process.env.MARQUEE_URL ?? 'http://127.0.0.1:8787')
    .option('--key <key>', 'API key (env MARQUEE_KEY)', process.env.MARQUEE_KEY)
    .option('--secret <secret>', 'API secret (env MARQUEE_SECRET)', process.env.MARQUEE_SECRET)
    .option('--date-header', 'sign with the Date header instead of IVVY-Date')
    .action(
      async (
        namespace: string,
        action: string,
        json: string | undefined,
        opts: { url: string; key?: string; secret?: string; dateHeader?: boolean },
      ) => {
        if (!opts.key || !opts.secret) throw new Error('--key and --secret are required (or MARQUEE_KEY/MARQUEE_SECRET)');
        const params = readParams(json);
        const [{ sendSigned, apiRoot }, { isErrorEnvelope }, { httpFetch }] = await Promise.all([
          import('../../client/transport.js'),
          import('../../protocol/errors.js'),
          import('../http-fetch.js'),
        ]);
        const target = `${apiRoot(opts.url)}/api/1.0/${namespace}?action=${action}`;
        let response;
        try {
          response = await sendSigned(
            { url: opts.url, key: opts.key, secret: opts.secret, retries: 0, fetch: httpFetch, ...(opts.dateHeader ? { useDateHeader: true } : {}) },
            namespace,
            action,
            params,
          );
        } catch (error) {
          const explained = explainNetworkError(error, target);
          if (explained) throw new Error(explained, { cause: error });
          throw error;
        }
        if (response.status === 200 || isErrorEnvelope(response.body)) printJson(response.body);
        else {
          // Not the API answering (a proxy, another server): say what came back instead.
          const type = response.headers.get('content-type') ?? 'no content type';
          process.stderr.write(`marquee: ${target} answered HTTP ${response.status} (${type}), not an iVvy API answer:\n`);
          process.stdout.write(`${typeof response.body === 'string' ? response.body : JSON.stringify(response.body)}\n`);
        }
        if (response.status !== 200 || isErrorEnvelope(response.body)) process.exitCode = 1;
      },
    );
}
