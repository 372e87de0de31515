// A local SMTP catcher for the demo (npm smtp-server on 127.0.0.1, no TLS, no auth):
// every message it accepts is kept as an .eml file named after its Message-ID, so the
// emails the demo sent can be opened in any mail program, and nothing leaves the machine.
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  /** The .eml file, inside the catcher's folder. */
  file: string;
}

export interface SmtpCatcher {
  host: string;
  port: number;
  dir: string;
  /** What arrived since the catcher started. */
  caught: CaughtMail[];
  close(): Promise<void>;
}

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The Message-ID's local part, made safe as a file name; a counter when there is none. */
function fileNameFor(raw: Buffer, n: number): string {
  const head = raw.subarray(0, raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.length).toString('latin1');
  const id = /^message-id:\s*<([^@>]+)/im.exec(head)?.[1]?.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${id ?? `message-${n}`}.eml`;
}

export async function startSmtpCatcher(dir: string): Promise<SmtpCatcher> {
  await mkdir(dir, { recursive: true });
  const caught: CaughtMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      readAll(stream)
        .then(async (raw) => {
          const file = fileNameFor(raw, caught.length + 1);
          await writeFile(join(dir, file), raw);
          caught.push({ to: session.envelope.rcptTo.map((r) => r.address), file });
          callback();
        })
        .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
    },
  });
  // A sender that dies mid-message resets its connection; smtp-server reports that as the
  // server's 'error' event, which with no listener would throw and end the demo. The
  // sender learns of its own failure; the catcher goes on serving the others.
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { host: '127.0.0.1', port, dir, caught, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
