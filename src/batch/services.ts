/**
 * What the batch worker needs of the running server: everything dispatch needs (it runs each
 * job through it) and the secret box, to check that a batch's key is still valid. A Runtime is
 * one; the worker does not see the whole runtime.
 */
import type { SecretBox } from '../auth/secret-box.js';
import type { DispatchDeps } from '../registry/dispatch.js';

export type BatchServices = DispatchDeps & { readonly secrets: SecretBox };
