import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Only this folder's tests, whichever directory Vitest is started from.
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['*.test.mjs'],
    // The first sandbox of a process builds its template database (a second or two).
    hookTimeout: 30_000,
    // Run here from the repository, `marquee/sandbox` is this checkout's dist/, not a package in
    // node_modules: load it as Node does instead of transforming the whole server.
    server: { deps: { external: [/\/dist\//] } },
  },
});
