/** The venue actions of the rooms area. */
import type { NamespaceActions } from '../../../registry/namespace.js';

export const roomsActions: Partial<NamespaceActions<'venue'>> = {};
