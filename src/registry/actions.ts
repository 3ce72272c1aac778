/**
 * Every implemented action. A namespace contributes its list here; the compile-time type of
 * this list is what gives the SDK its typed methods.
 */
import type { z } from 'zod';
import { emailLogActions } from '../domain/account/email-log-actions.js';
import { accountActions } from '../domain/account/index.js';
import { notificationActions } from '../domain/account/notification-actions.js';
import { batchActions } from '../domain/batch/actions.js';
import { contactActions } from '../domain/contact/index.js';
import { crmActions } from '../domain/crm/index.js';
import { eventActions } from '../domain/event/index.js';
import { invoiceActions } from '../domain/invoice/index.js';
import { testActions } from '../domain/test/actions.js';
import type { AnyAction } from './define-action.js';

export const ACTIONS = [
  ...testActions,
  ...emailLogActions,
  ...notificationActions,
  ...batchActions,
  ...contactActions,
  ...accountActions,
  ...crmActions,
  ...eventActions,
  ...invoiceActions,
] as const satisfies readonly AnyAction[];

type Defined = (typeof ACTIONS)[number];

/** `ActionMap['contact']['getContact']` is `{ params, result }` of that action. */
export type ActionMap = {
  [N in Defined['namespace']]: {
    [D in Extract<Defined, { namespace: N }> as D['action']]: {
      params: z.input<D['params']>;
      result: z.output<D['result']>;
    };
  };
};
