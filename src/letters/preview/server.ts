// `letters preview`: a local web server (127.0.0.1 only) for the preview page. It
// re-reads the pack's templates each time the page loads, so a template being
// edited shows as saved; recipients come from Twenty through the given client.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CompiledTemplate } from '../compile.ts';
import { readLists, readRecipients, recipientName, type Recipient } from '../recipients.ts';
import { buildSelection, flattenRecord } from '../record-shape.ts';
import type { LettersRecords } from '../records-port.ts';
import { describeMissing } from '../missing.ts';
import { chooseTemplate, type PackLetters } from '../setup.ts';
import { prepareTemplate } from '../prepare.ts';
import { PREVIEW_PAGE } from './page.ts';

export interface PreviewOptions {
  loadLetters: () => Promise<PackLetters>;
  records: LettersRecords;
  /** Recipients listed per template. */
  limit: number;
  today: string;
  port: number;
  host?: string;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startPreview(o: PreviewOptions): Promise<PreviewServer> {
  let letters = await o.loadLetters();
  const compiled = new Map<string, CompiledTemplate>();

  const template = (id: string | null): CompiledTemplate => {
    if (!id) throw new HttpError(400, 'no template given');
    const cached = compiled.get(id);
    if (cached) return cached;
    const chosen = chooseTemplate(letters, id);
    if (!chosen.ok) throw new HttpError(422, chosen.problems.join('\n'));
    compiled.set(id, chosen.template);
    return chosen.template;
  };

  const recipient = async (t: CompiledTemplate, id: string | null): Promise<Recipient> => {
    if (!id) throw new HttpError(400, 'no recipient given');
    const object = t.prepared.object;
    const fields = buildSelection(letters.catalogue, object.nameSingular, [...t.prepared.paths, [object.labelIdentifier]]);
    const [row] = await o.records.readByIds(object, fields, [id]);
    if (!row) throw new HttpError(404, `no ${object.nameSingular} with id ${id}`);
    return flattenRecord(letters.catalogue, object.nameSingular, row) as Recipient;
  };

  const render = async (url: URL): Promise<{ t: CompiledTemplate; html: string; subject?: string; to?: string; missing: string[] }> => {
    const t = template(url.searchParams.get('template'));
    const record = await recipient(t, url.searchParams.get('id'));
    const lists = await readLists(o.records, letters.catalogue, t.prepared);
    let to: string | undefined;
    if (t.prepared.toPath) {
      let v: unknown = record;
      for (const p of t.prepared.toPath) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
      to = typeof v === 'string' ? v : '';
    }
    const name = recipientName(letters.catalogue, t.prepared.object.nameSingular, record);
    const letter = t.render(
      record,
      { today: o.today, lists, campaign: 'preview' },
      { name, ...(to ? { email: to } : {}) },
      { markMissing: true },
    );
    return {
      t,
      html: letter.html,
      missing: letter.missing.map(describeMissing),
      ...(letter.subject !== undefined ? { subject: letter.subject } : {}),
      ...(to !== undefined ? { to } : {}),
    };
  };

  const routes: Record<string, (url: URL, res: ServerResponse) => Promise<void>> = {
    '/': async (_url, res) => send(res, 200, 'text/html; charset=utf-8', PREVIEW_PAGE),
    '/api/templates': async (_url, res) => {
      letters = await o.loadLetters();
      compiled.clear();
      const list = [...letters.set.documents.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, def]) => {
          const prepared = prepareTemplate(def, letters.set, letters.catalogue);
          const problems = prepared.problems.filter((p) => p.severity === 'error').map(letters.format);
          const meta = 'meta' in prepared ? prepared.meta : undefined;
          return {
            id,
            channel: def.channel,
            object: meta?.object ?? '?',
            description: meta?.description ?? '',
            locale: meta?.locale ?? '',
            problems,
          };
        });
      sendJson(res, 200, list);
    },
    '/api/recipients': async (url, res) => {
      const t = template(url.searchParams.get('template'));
      const object = t.prepared.object.nameSingular;
      const lists = await readLists(o.records, letters.catalogue, t.prepared);
      const out: Array<{ id: string; name: string; missing: number }> = [];
      for await (const page of readRecipients(o.records, letters.catalogue, t.prepared, {
        limit: o.limit,
        extraPaths: [[t.prepared.object.labelIdentifier]],
      })) {
        for (const r of page) {
          const name = recipientName(letters.catalogue, object, r);
          out.push({ id: r.id, name, missing: t.render(r, { today: o.today, lists }, { name }).missing.length });
        }
      }
      const collator = new Intl.Collator(t.prepared.meta.locale);
      sendJson(
        res,
        200,
        out.sort((a, b) => collator.compare(a.name, b.name)),
      );
    },
    '/api/render': async (url, res) => {
      const { html: _html, t: _t, ...rest } = await render(url);
      sendJson(res, 200, rest);
    },
    '/letter': async (url, res) => send(res, 200, 'text/html; charset=utf-8', (await render(url)).html),
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://preview.local');
    const route = req.method === 'GET' ? routes[url.pathname] : undefined;
    if (!route) {
      sendJson(res, 404, { error: `no page ${url.pathname}` });
      return;
    }
    route(url, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 502;
      sendJson(res, status, { error: e instanceof Error ? e.message : String(e) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}
