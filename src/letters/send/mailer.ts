// The SMTP side: one pooled nodemailer connection for a whole run, and each email
// built with its HTML part, a plain-text part, the Message-ID and the headers the
// caller gives (headers.ts).
import { readFile } from 'node:fs/promises';
import { convert } from 'html-to-text';
import nodemailer from 'nodemailer';
import { messageIdFor } from './headers.ts';

/** implicit: TLS from the first byte (port 465); starttls: upgrade required (587); none: plain (a local test server only). */
export type TlsMode = 'implicit' | 'starttls' | 'none';

export interface SmtpSettings {
  host: string;
  port: number;
  tls: TlsMode;
  user?: string;
  /** Never printed or logged. */
  password?: string;
  /** Where the password came from, for messages: `SMTP_PASSWORD`, `file ~/.smtp-pass`. */
  passwordSource?: string;
  from: string;
  replyTo?: string;
  /** PEM file of a CA to trust (an internal mail relay). */
  caFile?: string;
  /** Unsubscribe link; `{id}` and `{email}` are replaced per recipient. */
  unsubscribeUrl?: string;
  unsubscribeMailto?: string;
}

export interface OutgoingMail {
  to: string;
  /** The person's own name, shown in To. */
  toName?: string;
  subject: string;
  html: string;
  /** The send key: also the X-Bankpack-Send-Key header. */
  key: string;
  /** Stable per send key (messageIdFor), the same when an email is sent again. */
  messageId: string;
  /** List-Unsubscribe and friends (headers.ts). */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Resolves when the server accepted the message (250 after DATA) with its reply; rejects otherwise. */
  send(mail: OutgoingMail): Promise<{ messageId: string; reply: string }>;
  /** The Message-ID an email with this send key carries, every time it is sent. */
  messageIdFor(key: string): string;
  close(): void;
}

/** A failure that says the server refused this message (4xx/5xx) rather than that the connection failed. */
export function isRefusal(e: unknown): boolean {
  return typeof (e as { responseCode?: unknown }).responseCode === 'number';
}

/** The server's reply to a refused message ("451 4.7.1 Try again later"), for the contact log. */
export function smtpReplyOf(e: unknown): string {
  const r = (e as { response?: unknown }).response;
  return typeof r === 'string' && r !== '' ? r : e instanceof Error ? e.message : String(e);
}

export function htmlToPlainText(html: string): string {
  // Chinese has no spaces to wrap at: keep lines as the HTML has them.
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'table', format: 'dataTable' },
    ],
  });
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
  return {
    async send(mail) {
      const info = (await transport.sendMail({
        from: s.from,
        ...(s.replyTo ? { replyTo: s.replyTo } : {}),
        to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
        subject: mail.subject,
        html: mail.html,
        text: htmlToPlainText(mail.html),
        messageId: mail.messageId,
        headers: { ...mail.headers, 'X-Bankpack-Send-Key': mail.key },
      })) as { response?: unknown };
      return { messageId: mail.messageId, reply: typeof info.response === 'string' ? info.response : '250' };
    },
    messageIdFor: (key) => messageIdFor(key, s.from),
    close() {
      transport.close();
    },
  };
}
