import type { Transporter } from 'nodemailer';

/**
 * An SMTP transport from a URL such as smtp://user:pass@host:587 or smtps://host:465.
 * nodemailer is imported here, on first use, not by every server start (it took 76 ms of a
 * start that issue 21 bounds at 1 s, and most servers send no mail).
 */
export async function createSmtpTransport(url: string): Promise<Transporter> {
  const { default: nodemailer } = await import('nodemailer');
  return nodemailer.createTransport(url);
}
