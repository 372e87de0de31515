// Front door of the letters: the pack's templates checked and compiled against its linked
// model, rendered per recipient (HTML, and PDF through Chromium), sent over SMTP once per
// campaign and logged on the client's record. The ops (src/ops/letters-*.ts) compose these;
// nothing here prints.
export { packLetters, chooseTemplate, todayIn, type PackLetters, type TemplateChoice } from './setup.ts';
export { buildCatalogue, type Catalogue } from './catalogue.ts';
export { parseWhere, type Filter } from './where.ts';
export { prepareTemplate, type PreparedTemplate } from './prepare.ts';
export { compileTemplate, type CompiledTemplate } from './compile.ts';
export type { Progress as LettersProgress } from './progress.ts';
export { renderBatch, type RenderBatchResult, type LetterOutcome } from './render-batch.ts';
export { describeMissing } from './missing.ts';
export type { MissingValue } from './helpers/registry.ts';
export { chromiumPath, launchBrowser, type Browser } from './browser.ts';
export { PdfPrinter } from './pdf.ts';
export { runSend, type RecipientRef, type SendReport, type UnknownOutcome } from './send/run-send.ts';
export { staleUnknown } from './send/send-report.ts';
export { SendLog } from './send/send-log.ts';
export { smtpMailer, type Mailer, type SmtpSettings, type TlsMode } from './send/mailer.ts';
export { pacer, parseRate, type Rate } from './send/rate.ts';
export { unsubscribeProblems, type UnsubscribeAddresses } from './send/headers.ts';
export type { LettersRecords } from './records-port.ts';
export { startPreview, type PreviewServer } from './preview/server.ts';
