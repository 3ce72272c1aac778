import type { Command } from 'commander';

export function registerActions(program: Command): void {
  program
    .command('actions')
    .description('List every iVvy action and whether Marquee implements it (marquee describe shows one in full)')
    .option('--json', 'print JSON: every action with its kind, documentation page, parameters and filters')
    .action(async (opts: { json?: boolean }) => {
      const [{ ACTIONS }, { CATALOGUE }, { coverage, createRegistry }] = await Promise.all([
        import('../../domain/index.js'),
        import('../../protocol/catalogue.js'),
        import('../../registry/registry.js'),
      ]);
      const registry = createRegistry(ACTIONS);
      if (opts.json) {
        const [{ describeAction, loadDescribeTools }, { printJson }] = await Promise.all([import('./describe.js'), import('../shared.js')]);
        const tools = await loadDescribeTools();
        printJson(CATALOGUE.map((e) => describeAction(e, registry.find(e.namespace, e.action), tools)));
        return;
      }
      const width = Math.max(...CATALOGUE.map((e) => e.namespace.length + e.action.length + 1));
      for (const e of CATALOGUE) {
        const name = `${e.namespace}.${e.action}`.padEnd(width);
        process.stdout.write(`${name}  ${registry.isImplemented(e.namespace, e.action) ? 'implemented' : 'not implemented'}\n`);
      }
      process.stdout.write('\n');
      const lines = coverage(registry);
      for (const l of lines) process.stdout.write(`${l.namespace} ${l.implemented}/${l.total}\n`);
      const done = lines.reduce((n, l) => n + l.implemented, 0);
      process.stdout.write(`all ${done}/${CATALOGUE.length}\n`);
    });
}
