export { createClient, type MarqueeClient, type ClientOptions, type Collection } from './client.js';
export { IvvyApiError } from './errors.js';
export type { RawResponse } from './transport.js';
export { signRequest, stringToSign, md5Hex } from '../protocol/signing.js';
