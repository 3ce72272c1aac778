/** The venue actions of the catalog area. */
import type { NamespaceActions } from '../../../registry/namespace.js';

export const catalogActions: Partial<NamespaceActions<'venue'>> = {};
