// The SMTP side: one pooled nodemailer connection for a whole run, and each email
// built with its HTML part, a plain-text part, and a Message-ID made from its send
// key (so a mail server or a person can tell a message and its key apart).
import { readFile } from 'node:fs/promises';
import { convert } from 'html-to-text';
import nodemailer from 'nodemailer';
import type { SmtpSettings } from './smtp-settings.ts';

export interface OutgoingMail {
  to: string;
  toName?: string;
  subject: string;
  html: string;
  /** The send key: also the Message-ID's local part and the X-Bankpack-Send-Key header. */
  key: string;
  unsubscribeUrl?: string;
}

export interface Mailer {
  /** Resolves when the server accepted the message (250 after DATA); rejects otherwise. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/** A failure that says the server refused this message (4xx/5xx) rather than that the connection failed. */
export function isRefusal(e: unknown): boolean {
  return typeof (e as { responseCode?: unknown }).responseCode === 'number';
}

export function htmlToPlainText(html: string): string {
  // Chinese has no spaces to wrap at: keep lines as the HTML has them.
  return convert(html, { wordwrap: false, selectors: [{ selector: 'a', options: { hideLinkHrefIfSameAsText: true } }, { selector: 'table', format: 'dataTable' }] });
}

export async function smtpMailer(s: SmtpSettings): Promise<Mailer> {
  const ca = s.caFile ? await readFile(s.caFile, 'utf8') : undefined;
  const transport = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.tls === 'implicit',
    requireTLS: s.tls === 'starttls',
    ignoreTLS: s.tls === 'none',
    ...(s.user ? { auth: { user: s.user, pass: s.password ?? '' } } : {}),
    ...(ca ? { tls: { ca } } : {}),
    pool: true,
    maxConnections: 1,
    maxMessages: Infinity,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  const domain = /@([^>\s]+)/.exec(s.from)?.[1] ?? 'bankpack.local';
  return {
    async send(mail) {
      const messageId = `<${mail.key}@${domain}>`;
      await transport.sendMail({
        from: s.from,
        ...(s.replyTo ? { replyTo: s.replyTo } : {}),
        to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
        subject: mail.subject,
        html: mail.html,
        text: htmlToPlainText(mail.html),
        messageId,
        headers: { 'X-Bankpack-Send-Key': mail.key },
        ...(mail.unsubscribeUrl || s.unsubscribeMailto
          ? { list: { unsubscribe: [mail.unsubscribeUrl, s.unsubscribeMailto ? `mailto:${s.unsubscribeMailto}` : undefined].filter((u): u is string => u !== undefined) } }
          : {}),
      });
      return { messageId };
    },
    close() {
      transport.close();
    },
  };
}
