/**
 * `marquee export openapi|postman`: the implemented actions as an OpenAPI 3.1 document or a
 * Postman collection, read from the registry (src/export/), so they never drift from what the
 * server validates and answers.
 */
import type { Command } from 'commander';

interface ExportOptions {
  out?: string;
  url: string;
}

/** The base URL the export points at, without a trailing `/api/1.0` (as `marquee call` takes it). */
async function baseUrl(url: string): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--url '${url}' is not a URL, e.g. http://127.0.0.1:8787`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`--url '${url}' must be an http or https URL`);
  const { apiRoot } = await import('../../client/transport.js');
  return apiRoot(url);
}

async function write(value: unknown, out: string | undefined): Promise<void> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (out === undefined || out === '-') {
    process.stdout.write(text);
    return;
  }
  const { writeFile } = await import('node:fs/promises');
  await writeFile(out, text);
  process.stderr.write(`marquee: wrote ${out}\n`);
}

async function implementedActions() {
  const [{ ACTIONS }, { CATALOGUE }] = await Promise.all([import('../../domain/index.js'), import('../../protocol/catalogue.js')]);
  // In catalogue order, the order of the reference and of `marquee actions`.
  const order = new Map(CATALOGUE.map((e, i) => [`${e.namespace}.${e.action}`, i]));
  return [...ACTIONS].sort((a, b) => (order.get(`${a.namespace}.${a.action}`) ?? 0) - (order.get(`${b.namespace}.${b.action}`) ?? 0));
}

export function registerExport(program: Command): void {
  const command = program.command('export').description('Write an OpenAPI 3.1 document or a Postman collection of the implemented actions');
  const url = ['--url <url>', 'base URL the export points at (env MARQUEE_URL)', process.env.MARQUEE_URL ?? 'http://127.0.0.1:8787'] as const;
  command
    .command('openapi')
    .description('OpenAPI 3.1: one operation per action, parameters, results, errors and the IWS signing scheme')
    .option('--out <file>', 'write to FILE instead of standard output')
    .option(...url)
    .action(async (opts: ExportOptions) => {
      const serverUrl = await baseUrl(opts.url);
      const { buildOpenApi } = await import('../../export/openapi.js');
      await write(buildOpenApi(await implementedActions(), { serverUrl }), opts.out);
    });
  command
    .command('postman')
    .description('Postman collection v2.1: a folder per namespace, a request per action, a pre-request script that signs each call')
    .option('--out <file>', 'write to FILE instead of standard output')
    .option(...url)
    .action(async (opts: ExportOptions) => {
      const base = await baseUrl(opts.url);
      const { buildPostmanCollection } = await import('../../export/postman.js');
      await write(buildPostmanCollection(await implementedActions(), { baseUrl: base }), opts.out);
    });
}
