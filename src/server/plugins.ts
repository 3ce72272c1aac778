/**
 * Public pages Marquee serves besides the API (invite links, invoices, subscription
 * confirmations…). Each module that serves pages adds its plugin here.
 */
import { eventRoutes } from '../domain/event/pages/routes.js';
import { invoiceRoutes } from '../domain/invoice/routes.js';
import { notificationRoutes } from '../notify/routes.js';
import type { RoutePlugin } from './app.js';

export const ROUTE_PLUGINS: readonly RoutePlugin[] = [notificationRoutes, invoiceRoutes, eventRoutes];
