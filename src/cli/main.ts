/** `marquee` — the command line of Marquee. */
import { Command } from 'commander';
import { registerActions } from './commands/actions.js';
import { registerCall } from './commands/call.js';
import { registerDeliveries } from './commands/deliveries.js';
import { registerDescribe } from './commands/describe.js';
import { registerExport } from './commands/export.js';
import { registerFaults } from './commands/faults.js';
import { registerKeys } from './commands/keys.js';
import { registerMarketplace } from './commands/marketplace.js';
import { registerReset } from './commands/reset.js';
import { registerSnapshot } from './commands/snapshot.js';
import { registerSeed } from './commands/seed.js';
import { registerServe } from './commands/serve.js';
import { registerSubscriptions } from './commands/subscriptions.js';
import { registerSync } from './commands/sync.js';

export function buildProgram(): Command {
  const program = new Command('marquee')
    .description('Marquee: a self-hostable, wire-compatible iVvy API v1.0 server and its tools')
    .showHelpAfterError('(marquee --help lists the commands)')
    .showSuggestionAfterError()
    // An unknown command is an error (exit 1, with the nearest command suggested), not help.
    .allowExcessArguments(false);
  registerServe(program);
  registerKeys(program);
  registerMarketplace(program);
  registerCall(program);
  registerActions(program);
  registerDescribe(program);
  registerExport(program);
  registerSeed(program);
  registerReset(program);
  registerSnapshot(program);
  registerSync(program);
  registerDeliveries(program);
  registerSubscriptions(program);
  registerFaults(program);
  return program;
}

// Output piped into `head` and the like: a closed pipe ends the command quietly, as for any tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`marquee: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
