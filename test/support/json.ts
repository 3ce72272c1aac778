/** A parsed JSON object as tests read answers: any property, any depth. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;
