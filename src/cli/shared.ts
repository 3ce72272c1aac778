/**
 * Helpers of the command files. Commands load what they run only when they run (a `marquee`
 * call must start fast): nothing here imports the server at load time.
 */
import type { Config } from '../config.js';
import type { Runtime } from '../runtime.js';

/** Parses a decimal option value, for commander. */
export function integerOption(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`'${value}' is not a non-negative whole number`);
  return n;
}

/** Opens storage (migrated) for a one-shot command, runs `fn`, and always closes it. */
export async function withRuntime<T>(overrides: Partial<Config>, fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  const [{ loadConfig }, { createLogger, createRuntime }] = await Promise.all([import('../config.js'), import('../runtime.js')]);
  const config = loadConfig(overrides);
  const runtime = await createRuntime(config, { log: createLogger(process.env.LOG_LEVEL ?? 'warn') });
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
