/**
 * WAL checkpoints for an SQLite file, on a thread of their own. SQLite normally checkpoints
 * inside whichever commit pushes the WAL past 1000 pages: that commit then copies pages back
 * into the database file and waits for fsync, stalling the event loop (and every request
 * behind it) for milliseconds, up to 100 ms measured under a write load (docs/performance.md).
 * The server's connection therefore turns automatic checkpoints off, and this worker checkpoints
 * from its own connection a few times a second (PASSIVE: it never blocks the writer); a
 * checkpoint then overwrites each page once however often it changed in between.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or closing: the next tick tries again.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, intervalMs = 200): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, intervalMs, driver } });
  // A process that is otherwise done (a CLI command) must not wait for this thread.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', () => undefined);
  return {
    async stop() {
      // Keep the process alive until the thread has made its last checkpoint and closed.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
