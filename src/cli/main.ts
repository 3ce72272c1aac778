/** `marquee` — the command line of Marquee. */
import { Command } from 'commander';
import { registerActions } from './commands/actions.js';
import { registerCall } from './commands/call.js';
import { registerDeliveries } from './commands/deliveries.js';
import { registerKeys } from './commands/keys.js';
import { registerSeed } from './commands/seed.js';
import { registerServe } from './commands/serve.js';
import { registerSync } from './commands/sync.js';

export function buildProgram(): Command {
  const program = new Command('marquee')
    .description('Marquee: a self-hostable, wire-compatible iVvy API v1.0 server and its tools')
    .showHelpAfterError();
  registerServe(program);
  registerKeys(program);
  registerCall(program);
  registerActions(program);
  registerSeed(program);
  registerSync(program);
  registerDeliveries(program);
  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`marquee: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
