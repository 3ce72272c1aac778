import nodemailer, { type Transporter } from 'nodemailer';

/** An SMTP transport from a URL such as smtp://user:pass@host:587 or smtps://host:465. */
export function createSmtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}
