// The demo's SMTP catcher outlives a sender that dies mid-message: smtp-server reports a
// connection reset inside a transaction as an 'error' event, and an EventEmitter with no
// listener throws it, which would end `npm start` (and failed the suite's send-crash run).
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCatcher, type SmtpCatcher } from '../../src/demo/catcher.ts';

let dir: string;
let catcher: SmtpCatcher;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bankpack-catcher-'));
  catcher = await startSmtpCatcher(dir);
});
afterAll(async () => {
  await catcher?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Sends `lines` one at a time, each after the server's answer to the one before. */
async function converse(socket: Socket, lines: string[]): Promise<void> {
  const answer = (): Promise<void> => new Promise((resolve) => socket.once('data', () => resolve()));
  await answer(); // the greeting
  for (const line of lines) {
    socket.write(`${line}\r\n`);
    await answer();
  }
}

describe('the demo SMTP catcher', () => {
  it('keeps serving after a sender resets the connection in the middle of a message', async () => {
    const socket = connect(catcher.port, '127.0.0.1');
    await converse(socket, ['EHLO crash.test', 'MAIL FROM:<marketing@bank.example>', 'RCPT TO:<client@example.com>']);
    socket.resetAndDestroy(); // a TCP RST, as a killed process leaves

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: catcher.port, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: 'marketing@bank.example', to: 'next@example.com', subject: 'the next one', text: 'arrives' });
    transport.close();
    expect(catcher.caught.map((c) => c.to)).toEqual([['next@example.com']]);
  });
});
