import type { Command } from 'commander';
import { integerOption } from '../shared.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the API (seeds a demo account on first start unless --no-seed)')
    .option('--host <host>', 'interface to listen on (env HOST)')
    .option('--port <port>', 'port to listen on (env PORT)', integerOption)
    .option('--database <url>', 'sqlite:./path.db, sqlite::memory: or postgres://… (env MARQUEE_DATABASE_URL)')
    .option('--public-url <url>', 'base URL used in links Marquee hands out (env MARQUEE_PUBLIC_URL)')
    .option('--no-seed', 'do not create the demo account')
    .option('--strict', 'refuse parameters an action does not take (400, 23016) instead of ignoring them as iVvy does (env MARQUEE_STRICT=1)')
    .action(async (opts: { host?: string; port?: number; database?: string; publicUrl?: string; seed: boolean; strict?: boolean }) => {
      const [{ loadConfig }, { startServer }, { redactUrl }] = await Promise.all([
        import('../../config.js'),
        import('../../server/start.js'),
        import('../../storage/url.js'),
      ]);
      const config = loadConfig({
        ...(opts.host !== undefined ? { host: opts.host } : {}),
        ...(opts.port !== undefined ? { port: opts.port } : {}),
        ...(opts.database !== undefined ? { databaseUrl: opts.database } : {}),
        ...(opts.publicUrl !== undefined ? { publicUrl: opts.publicUrl } : {}),
        ...(opts.seed === false ? { seed: false } : {}),
        ...(opts.strict ? { strictParams: true } : {}),
      });
      const server = await startServer(config);
      const out = process.stdout;
      // The base URL is what --url (and the SDK's url) take; calls go to …/api/1.0/{namespace}?action=…
      out.write(`\nMarquee is serving the iVvy API v1.0 at ${server.url}  (POST ${server.url}/api/1.0/{namespace}?action={action})\n`);
      out.write(`Database: ${redactUrl(config.databaseUrl)}\n`);
      if (config.strictParams) out.write('Strict parameters: unknown parameters are refused (400, 23016)\n');
      if (server.demo) {
        const { key, secret, accountId } = server.demo;
        out.write(`\nDemo account ${accountId}${server.demo.created ? ' (created and seeded now)' : ''}\n`);
        out.write(`  API key:    ${key}\n  API secret: ${secret}\n\n`);
        out.write(`Try it:\n  npx marquee call test ping --url ${server.url} --key ${key} --secret ${secret}\n`);
        out.write(
          `  npx marquee call contact getContactList '{"perPage":5}' --url ${server.url} --key ${key} --secret ${secret}\n\n`,
        );
      } else {
        out.write('\nNo demo account (--no-seed). Create a key with: npx marquee keys create\n\n');
      }
    });
}
