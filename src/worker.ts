/** A background loop (batch runner, notification delivery, mail, key refresh) started with the server. */
export interface BackgroundWorker {
  readonly name: string;
  start(): void;
  /** Stops taking new work and resolves once in-flight work has finished. */
  stop(): Promise<void>;
}
