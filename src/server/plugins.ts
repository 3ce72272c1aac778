/**
 * Public pages Marquee serves besides the API: the platform's subscription confirmations and
 * every namespace's pages (invite links, invoices…), from the namespace list.
 */
import { DOMAIN_ROUTES } from '../domain/index.js';
import { notificationRoutes } from '../notify/routes.js';
import type { RoutePlugin } from './route-plugin.js';

export const ROUTE_PLUGINS: readonly RoutePlugin[] = [notificationRoutes, ...DOMAIN_ROUTES];
