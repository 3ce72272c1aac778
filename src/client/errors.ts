import type { ErrorEnvelope } from '../protocol/errors.js';

/** An iVvy error envelope received by the SDK. */
export class IvvyApiError extends Error {
  readonly status: number;
  readonly errorCode: number;
  readonly specificCode: number;
  readonly additionalMessages: string[] | undefined;

  constructor(status: number, envelope: ErrorEnvelope, context: string) {
    super(`${context}: ${envelope.message} (${envelope.errorCode}/${envelope.specificCode})`);
    this.name = 'IvvyApiError';
    this.status = status;
    this.errorCode = envelope.errorCode;
    this.specificCode = envelope.specificCode;
    this.additionalMessages = envelope.additionalMessages;
  }
}
