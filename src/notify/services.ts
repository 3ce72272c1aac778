/**
 * What notification delivery needs of the running server: its storage, the secret box the
 * signing key is sealed with, the logger and the public URL links point at. A Runtime is one;
 * so is anything else that has these (the worker does not see the whole runtime).
 */
import type { SecretBox } from '../auth/secret-box.js';
import type { DispatchDeps } from '../registry/dispatch.js';

export type NotifyServices = Pick<DispatchDeps, 'storage' | 'log' | 'publicUrl'> & { readonly secrets: SecretBox };
