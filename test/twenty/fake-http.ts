// A scripted HTTP server for the client's tests: each request gets the next scripted reply.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Reply =
  | { status?: number; headers?: Record<string, string>; json: unknown }
  | { status: number; headers?: Record<string, string>; text: string }
  | { drop: true };

export interface Seen {
  path: string;
  headers: IncomingMessage['headers'];
  body: { query: string; variables?: Record<string, unknown> };
}

export async function scriptedServer(
  replies: Reply[] | ((seen: Seen, n: number) => Reply),
): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const entry: Seen = { path: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}') as Seen['body'] };
      seen.push(entry);
      const reply = typeof replies === 'function' ? replies(entry, seen.length) : (replies[seen.length - 1] ?? { json: { data: {} } });
      if ('drop' in reply) {
        req.socket.destroy();
        return;
      }
      const headers = { ...(reply.headers ?? {}) };
      if ('json' in reply) {
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(reply.json));
      } else {
        res.writeHead(reply.status, { 'content-type': 'text/plain', ...headers });
        res.end(reply.text);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
