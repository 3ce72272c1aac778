/**
 * API responses are written in bursts: each answer is queued and every answer queued during
 * one turn of the event loop is written together right after the turn's I/O callbacks
 * (setImmediate). Each write to a socket can wake its reader; on loopback and on virtual
 * machines that wake-up (an inter-processor interrupt) cost more than a signed ping's own work
 * when answers went out one at a time between requests. Written back to back, the first
 * wakes the client and the rest find it awake (docs/performance.md, round four). An answer
 * waits at most for the other requests of its turn; an idle server writes it at once.
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

interface Answer {
  res: ServerResponse;
  status: number;
  headers: OutgoingHttpHeaders;
  body: string | Buffer;
}

export interface ResponseBatch {
  /**
   * Queues the whole answer; it is written with the others of this turn. `now` writes it at
   * once, for an answer the caller follows by tearing the connection down.
   */
  send(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: string | Buffer, now?: boolean): void;
}

export function createResponseBatch(onWriteError: (error: unknown) => void): ResponseBatch {
  let queued: Answer[] = [];

  function write({ res, status, headers, body }: Answer): void {
    // The client may have gone while its answer waited; there is nobody left to tell.
    if (res.destroyed) return;
    try {
      res.writeHead(status, headers);
      res.end(body);
    } catch (error) {
      onWriteError(error);
    }
  }

  function flush(): void {
    const answers = queued;
    queued = [];
    for (const answer of answers) write(answer);
  }

  return {
    send(res, status, headers, body, now = false) {
      if (now) return write({ res, status, headers, body });
      queued.push({ res, status, headers, body });
      if (queued.length === 1) setImmediate(flush);
    },
  };
}
