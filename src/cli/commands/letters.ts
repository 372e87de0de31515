// `bankpack letters`: render letters and emails from the pack's templates for the
// records that match a filter, preview them in a browser, print them to PDF, send
// them over SMTP and log each one on the client's record.
import { Command, InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import type { ConnectionCliOptions } from '../../deploy/index.ts';
import { addConnectionOptions, CONNECTION_HELP } from '../connection-options.ts';
import { UsageError } from '../usage-error.ts';
import type { RenderLetterOptions, SendLetterOptions } from '../actions/letters.ts';
import type { Done } from './types.ts';

type RenderOptions = RenderLetterOptions & ConnectionCliOptions;
type SendOptions = SendLetterOptions & ConnectionCliOptions;

const positive =
  (name: string) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number ≥ 1`);
    return n;
  };

const WHERE_HELP = `
--where: conditions on the template's object, joined by commas (all must hold):
  field=VALUE         equal (a SELECT field takes its value or its label: clientTier=PLATINUM, clientTier=白金客户)
  field=A|B           any of A, B
  field!=VALUE        not equal (records where the field is empty are kept)
  field=  / field!=   empty / not empty
  field>=N, >, <, <=  numbers and dates (YYYY-MM-DD); a CURRENCY field compares in yuan: depositBalance>=10000000
  field~TEXT          text contains TEXT
  field.part=VALUE    a part of a composite field: address.addressCity=上海, name.lastName=张
  relation=ID         a related record by its id: relationshipManager=6f1c…
  Quote a value with a comma: name="A, B"`;

function commonOptions(cmd: Command): Command {
  return addConnectionOptions(
    cmd
      .requiredOption('--template <name>', 'the template: letters/greeting, emails/launch-invitation, or just greeting')
      .option('--where <conditions>', "which records: 'clientTier=PLATINUM,marketingOptOut=false' (see below)")
      .option('--limit <n>', 'at most this many recipients', positive('--limit'))
      .option('--locale <locale>', 'the template in this locale (greeting → greeting.en)')
      .option('--date <YYYY-MM-DD>', "the letter's date (default: today in Asia/Shanghai)"),
  );
}

export function registerLetters(program: Command, done: Done): void {
  const letters = program.command('letters').description("Render, preview, print and send letters and emails from the pack's templates.");

  commonOptions(
    letters
      .command('render')
      .description('Render one print-ready HTML (and with --pdf one PDF) per recipient, and a merged PDF for printing.'),
  )
    .requiredOption('--out <dir>', 'the folder for the letters')
    .option('--pdf', 'also print PDFs through headless Chromium (/usr/bin/chromium, or $BANKPACK_CHROMIUM)')
    .option('--campaign <name>', "log each letter on the client's record as sent by post in this campaign (once per recipient)")
    .addHelpText(
      'after',
      `\nExamples:\n  $ bankpack letters render --template greeting --where 'clientTier=PLATINUM' --out out/greeting --pdf\n  $ bankpack letters render --template letters/complaint-feedback --where step=FEEDBACK_GIVEN --limit 10 --out out/feedback\n  $ bankpack letters render --template greeting --where clientTier=PLATINUM --out out/post --pdf --campaign greeting-2026\n${WHERE_HELP}\n${CONNECTION_HELP}`,
    )
    .action(async (opts: RenderOptions) => {
      const [{ runRender }, { connect }] = await Promise.all([import('../actions/letters.ts'), import('../../deploy/index.ts')]);
      done(await runRender(opts, await connect(opts)));
    });

  commonOptions(
    letters.command('send').description('Send an email template to each recipient over SMTP, once per campaign, and log it on the client.'),
  )
    .option('--campaign <name>', 'the campaign: a re-run of the same campaign never sends the same email to the same person twice')
    .option('--dry-run', 'render and check everything, list who would get the email; send and log nothing')
    .option('--rate <n/s>', 'at most this many emails a second (5, 5/s, 120/min)', '5/s')
    .option('--smtp <profile>', 'an `smtp:` profile from bankpack.config.yaml (default: `default`, then SMTP_* variables)')
    .option('--send-log <file>', 'the local send log (default: .bankpack/send-log/<campaign>.jsonl in the pack folder)')
    .option(
      '--resend-unknown',
      'send again the emails of unknown outcome (claimed, then the sender stopped), with the same Message-ID; only when no other send of this campaign runs',
    )
    .addHelpText(
      'after',
      `\nExamples:\n  $ bankpack letters send --template emails/launch-invitation --where status=INVITED --campaign launch-2026-11 --dry-run\n  $ bankpack letters send --template emails/launch-invitation --where status=INVITED --campaign launch-2026-11 --rate 2/s\n\nSMTP: SMTP_HOST, SMTP_PORT, SMTP_TLS (implicit | starttls | none), SMTP_USER, SMTP_PASSWORD or\nSMTP_PASSWORD_FILE, SMTP_FROM, SMTP_REPLY_TO, SMTP_CA_FILE; or a profile in bankpack.config.yaml:\n  smtp:\n    default: { host: smtp.bank.example, port: 587, tls: starttls, user: marketing, passwordEnv: SMTP_PASSWORD, from: "鸿远商业银行 <marketing@bank.example>" }\nThe password is never printed.\n${WHERE_HELP}\n${CONNECTION_HELP}`,
    )
    .action(async (opts: SendOptions) => {
      const [{ runSend }, { connect }] = await Promise.all([import('../actions/letters.ts'), import('../../deploy/index.ts')]);
      done(await runSend(opts, connect));
    });

  addConnectionOptions(
    letters
      .command('preview')
      .description('Open a local web page to pick a template and a recipient and see the letter or email as it will look.'),
  )
    .option('--port <port>', 'port on 127.0.0.1 (0 picks a free one)', '4173')
    .option('--limit <n>', 'recipients listed per template', positive('--limit'), 50)
    .option('--date <YYYY-MM-DD>', "the letters' date (default: today)")
    .addHelpText('after', `\nExample:\n  $ bankpack letters preview --port 4173   # then open http://127.0.0.1:4173\n${CONNECTION_HELP}`)
    .action(async (opts: ConnectionCliOptions & { port: string; limit: number; date?: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port must be a port number (0-65535), got "${opts.port}"`);
      const [{ runPreview }, { connect }] = await Promise.all([import('../actions/letters.ts'), import('../../deploy/index.ts')]);
      done(await runPreview({ ...opts, port }, await connect(opts)));
    });

  letters
    .command('list')
    .description("List the pack's letter and email templates with their object, locale and version.")
    .option('--dir <dir>', 'the pack folder', '.')
    .action(async (opts: { dir: string }) => {
      const { runList } = await import('../actions/letters.ts');
      done(await runList(resolve(opts.dir)));
    });
}
