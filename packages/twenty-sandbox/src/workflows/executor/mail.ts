// Where SEND_EMAIL's messages go: to an SMTP server (the demo's catcher) when one is
// configured, else kept in memory; either way listed in `sent`. Twenty sends from a
// connected account (Gmail / Microsoft); the sandbox has none, so it delivers
// through plain SMTP instead and says so in each email's `delivery`.
import nodemailer from 'nodemailer';

export interface SentEmail {
  runId: string;
  workflowId: string;
  to: string[];
  subject: string;
  body: string;
  /** 'smtp' when an SMTP catcher accepted it, 'recorded' when none is configured. */
  delivery: 'smtp' | 'recorded';
}

export interface SmtpTarget {
  host: string;
  port: number;
  from?: string;
}

export class Mailer {
  readonly sent: SentEmail[] = [];
  private smtp: SmtpTarget | undefined;

  constructor(smtp?: SmtpTarget) {
    this.smtp = smtp;
  }

  configure(smtp: SmtpTarget | undefined): void {
    this.smtp = smtp;
  }

  async send(mail: Omit<SentEmail, 'delivery'>): Promise<SentEmail> {
    let delivery: SentEmail['delivery'] = 'recorded';
    if (this.smtp) {
      const transport = nodemailer.createTransport({ host: this.smtp.host, port: this.smtp.port, secure: false, ignoreTLS: true });
      await transport.sendMail({
        from: this.smtp.from ?? 'workflows@sandbox.invalid',
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
      });
      transport.close();
      delivery = 'smtp';
    }
    const sent = { ...mail, delivery };
    this.sent.push(sent);
    return sent;
  }
}
