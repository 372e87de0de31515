// A real SMTP server on 127.0.0.1 (npm smtp-server) that keeps every message it
// accepted, parsed with mailparser, and can refuse or stall a chosen message. `at`
// is called at three moments of each message (MAIL FROM, the end of DATA before the
// answer, right after the 250), so a test can kill the sender exactly there.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface Received {
  envelopeTo: string[];
  mail: ParsedMail;
}

/** What to do with the n-th message (1-based): accept it, refuse it with a 4xx, or call `hook` first. */
export type Decision = 'accept' | 'refuse';
/** mail: MAIL FROM of the n-th message; data: its DATA is in, not answered yet; accepted: its 250 has been written. */
export type Phase = 'mail' | 'data' | 'accepted';

export interface TestSmtp {
  port: number;
  received: Received[];
  /** Called for each message before it is answered; may kill a client to simulate a crash. */
  decide: (n: number) => Decision | Promise<Decision>;
  /** Called at each phase of each message (1-based n), awaited before the server goes on. */
  at: (n: number, phase: Phase) => void | Promise<void>;
  /** Forget what arrived and count messages from 1 again. */
  reset(): void;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  let count = 0;
  let mails = 0;
  const state: TestSmtp = {
    port: 0,
    received: [],
    decide: () => 'accept',
    at: () => undefined,
    reset() {
      count = 0;
      mails = 0;
      state.received.length = 0;
      state.decide = () => 'accept';
      state.at = () => undefined;
    },
    close: async () => undefined,
  };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onMailFrom(_address, _session, callback: (err?: Error | null) => void) {
      Promise.resolve(state.at(++mails, 'mail')).then(
        () => callback(),
        (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
      );
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const n = ++count;
      simpleParser(stream)
        .then(async (mail) => {
          await state.at(n, 'data');
          const decision = await state.decide(n);
          if (decision === 'refuse') {
            const err = new Error('Try again later (refused by the test server)') as Error & { responseCode: number };
            err.responseCode = 451;
            callback(err);
            return;
          }
          state.received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
          await state.at(n, 'accepted');
        })
        .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
    },
  });
  // The crash tests kill senders mid-message: smtp-server reports each reset connection as
  // the server's 'error' event, which with no listener is thrown as an uncaught exception.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
