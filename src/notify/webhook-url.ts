/** Parameter schema for a receiver URL (subscription endpoints, batch callbacks). */
import { string } from '../registry/params.js';

export const URL_MESSAGE = 'Value must be an absolute http or https URL';

export function isWebhookUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

export const webhookUrl = () =>
  string(2048)
    .transform((s) => s.trim())
    .refine(isWebhookUrl, { message: URL_MESSAGE });
