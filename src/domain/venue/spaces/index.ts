/** The venue actions of the spaces area. */
import type { NamespaceActions } from '../../../registry/namespace.js';

export const spacesActions: Partial<NamespaceActions<'venue'>> = {};
