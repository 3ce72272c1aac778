/**
 * The error envelope of interpreting-the-response/exceptions.md:
 * `{"errorCode", "message", "specificCode", "additionalMessages"?}` with HTTP status = errorCode.
 */

export const HTTP_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  460: 'Unknown',
  461: 'Failed Request',
  462: 'Session Expired',
  463: 'Key Revoked',
  500: 'Internal Server Error',
  501: 'Not Implemented',
};

export interface ErrorEnvelope {
  errorCode: number;
  message: string;
  specificCode: number;
  additionalMessages?: string[];
}

export class ApiError extends Error {
  readonly errorCode: number;
  readonly specificCode: number;
  readonly additionalMessages: string[] | undefined;

  constructor(errorCode: number, specificCode: number, message: string, additionalMessages?: string[]) {
    super(message);
    this.name = 'ApiError';
    this.errorCode = errorCode;
    this.specificCode = specificCode;
    this.additionalMessages = additionalMessages && additionalMessages.length > 0 ? additionalMessages : undefined;
  }

  toEnvelope(): ErrorEnvelope {
    const body: ErrorEnvelope = { errorCode: this.errorCode, message: this.message, specificCode: this.specificCode };
    if (this.additionalMessages) body.additionalMessages = this.additionalMessages;
    return body;
  }
}

export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorEnvelope).errorCode === 'number' &&
    typeof (value as ErrorEnvelope).specificCode === 'number' &&
    typeof (value as ErrorEnvelope).message === 'string'
  );
}
