/** The test namespace: ping (getting-started/test.md). */
import { defineNamespace } from '../../registry/namespace.js';
import { ping } from './actions.js';

export const test = defineNamespace({ namespace: 'test', actions: { ping } });
