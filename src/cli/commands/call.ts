import type { Command } from 'commander';
import { printJson } from '../shared.js';

export function registerCall(program: Command): void {
  program
    .command('call <namespace> <action> [json]')
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
        let params: unknown = {};
        if (json !== undefined) {
          try {
            params = JSON.parse(json);
          } catch {
            throw new Error('The parameters must be JSON, e.g. \'{"id": 1}\'');
          }
        }
        const [{ sendSigned }, { isErrorEnvelope }] = await Promise.all([import('../../client/transport.js'), import('../../protocol/errors.js')]);
        const response = await sendSigned(
          { url: opts.url, key: opts.key, secret: opts.secret, retries: 0, ...(opts.dateHeader ? { useDateHeader: true } : {}) },
          namespace,
          action,
          params,
        );
        printJson(response.body);
        if (response.status !== 200 || isErrorEnvelope(response.body)) process.exitCode = 1;
      },
    );
}
