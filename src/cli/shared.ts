import { loadConfig, type Config } from '../config.js';
import { createLogger, createRuntime, type Runtime } from '../runtime.js';

/** Parses a decimal option value, for commander. */
export function integerOption(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`'${value}' is not a non-negative whole number`);
  return n;
}

/** Opens storage (migrated) for a one-shot command, runs `fn`, and always closes it. */
export async function withRuntime<T>(overrides: Partial<Config>, fn: (runtime: Runtime) => Promise<T>): Promise<T> {
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
