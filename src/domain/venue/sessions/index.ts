/** The venue actions of booking sessions (with their menus, beverage packages and resources) and space blockouts. */
import type { NamespaceActions } from '../../../registry/namespace.js';
import { addOrUpdateBookingSessionBeverage, removeBookingSessionBeverage } from './beverages.js';
import { addOrUpdateSpaceBlockout, removeSpaceBlockout } from './blockouts.js';
import { addOrUpdateBookingSessionMenu, getBookingSessionMenuList, removeBookingSessionMenu } from './menus.js';
import { addOrUpdateBookingSessionResource, removeBookingSessionResource } from './resources.js';
import { getBookingSessionList } from './session-list.js';
import { removeBookingSession } from './session-remove.js';
import { addOrUpdateBookingSession } from './session-upsert.js';

export const sessionsActions: Partial<NamespaceActions<'venue'>> = {
  addOrUpdateBookingSession,
  removeBookingSession,
  getBookingSessionList,
  addOrUpdateBookingSessionMenu,
  removeBookingSessionMenu,
  getBookingSessionMenuList,
  addOrUpdateBookingSessionBeverage,
  removeBookingSessionBeverage,
  addOrUpdateBookingSessionResource,
  removeBookingSessionResource,
  addOrUpdateSpaceBlockout,
  removeSpaceBlockout,
};

export { sessionsMigration } from './migrations/0019_venue_booking_sessions.js';
