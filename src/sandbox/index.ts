/** `marquee/sandbox`: a Marquee server inside the calling process, for integration tests (docs/sandbox.md). */
import type { Sandbox, SandboxOptions } from './types.js';

export type { Sandbox, SandboxOptions, SandboxSeedOptions, SandboxSeedResult, SandboxSnapshot } from './types.js';

/** Starts a sandbox: an in-memory database, seeded unless asked not to, on a free local port. */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  // A computed specifier, so the declaration build (which follows static imports from the
  // public entry points) does not pull the whole server into the package's types.
  const implementation = './create.js';
  const { startSandbox } = (await import(implementation)) as { startSandbox: (o: SandboxOptions) => Promise<Sandbox> };
  return startSandbox(options);
}
