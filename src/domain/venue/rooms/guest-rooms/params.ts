/** The parameters of addOrUpdateGuestRoom (add-or-update-guest-room.md), in the page's order. */
import { z } from 'zod';
import { centsOf } from '../../../invoice/money.js';
import { array, bool, id, int, number, string, text } from '../../../../registry/params.js';

/** A whole number within bounds a room type can sensibly have. */
const count = (min: number, max: number) => int().refine((n) => n >= min && n <= max, { message: `Value must be between ${min} and ${max}` });

/** An amount of money: not negative, in cents at most. */
const amount = () =>
  number()
    .refine((n) => n >= 0, { message: 'Value must be 0 or greater' })
    .refine((n) => centsOf(n) !== null, { message: 'Value must have at most two decimal places' });

export const MAX_ROOMS_OF_TYPE = 100_000;
export const MAX_ADULTS = 50;

export const guestRoomParams = z.object({
  id: id().optional(),
  venueId: id().optional(),
  name: text(255).optional(),
  /** `null` gives the room its default code back. */
  code: text(50).nullable().optional(),
  categoryIds: array(id(), 100).optional(),
  capacity: count(0, MAX_ROOMS_OF_TYPE).optional(),
  description: string(65_535).nullable().optional(),
  numStandardAdults: count(1, MAX_ADULTS).optional(),
  numExtraAdults: count(0, MAX_ADULTS).optional(),
  extraAdultCost: amount().optional(),
  canSmoke: bool().optional(),
  active: bool().optional(),
  // The page types it "bool" with the description of `active`; getVenue shows it as text.
  marketplaceName: string(255).nullable().optional(),
});

export type GuestRoomParams = z.output<typeof guestRoomParams>;
