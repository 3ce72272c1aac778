/** A `#rgb` or `#rrggbb` colour, as the docs' examples send it ("#7ee546"); kept lower-case. */
import { string } from '../../../registry/params.js';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export const colour = () =>
  string()
    .refine((s) => HEX.test(s.trim()), { message: 'Value must be a colour in the format #rrggbb' })
    .transform((s) => s.trim().toLowerCase());
