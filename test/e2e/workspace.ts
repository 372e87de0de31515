// Looking into the workspace a demo run left behind: the sandbox reopened on the
// demo's state file, read through Twenty's own APIs like any client would.
import { GraphQLClient } from 'graphql-request';
import { startSandbox, type Sandbox } from 'twenty-sandbox';
import type { DemoSandbox, SandboxStarter } from '../../src/demo/index.ts';

export interface Workspace {
  sandbox: Sandbox;
  objectNames(): Promise<string[]>;
  /** Every record of an object (paged), with the fields given. */
  records<T extends Record<string, unknown>>(
    plural: string,
    fields: string,
    filter?: Record<string, unknown>,
  ): Promise<Array<T & { id: string }>>;
  close(): Promise<void>;
}

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export async function openWorkspace(statePath: string): Promise<Workspace> {
  const sandbox = await startSandbox({ port: 0, statePath });
  const headers = { Authorization: `Bearer ${sandbox.apiKey}`, Accept: 'application/json' };
  const metadata = new GraphQLClient(`${sandbox.url}/metadata`, { headers });
  const core = new GraphQLClient(`${sandbox.url}/graphql`, { headers });
  const singularOf = (plural: string): string =>
    [...sandbox.workspace.objects.values()].find((o) => o.namePlural === plural)?.nameSingular ?? plural;
  return {
    sandbox,
    async objectNames() {
      const res = await metadata.request<{ objects: { edges: Array<{ node: { nameSingular: string; isActive: boolean } }> } }>(
        'query { objects(paging: { first: 1000 }) { edges { node { nameSingular isActive } } } }',
      );
      return res.objects.edges.filter((e) => e.node.isActive).map((e) => e.node.nameSingular);
    },
    async records<T extends Record<string, unknown>>(plural: string, fields: string, filter?: Record<string, unknown>) {
      const out: Array<T & { id: string }> = [];
      let after: string | null = null;
      for (;;) {
        type Page = Record<
          string,
          { edges: Array<{ node: T & { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } }
        >;
        const res: Page = await core.request<Page>(
          `query($after: String, $filter: ${pascal(singularOf(plural))}FilterInput) { ${plural}(first: 200, after: $after, filter: $filter) { edges { node { id ${fields} } } pageInfo { hasNextPage endCursor } } }`,
          { after, filter: filter ?? null },
        );
        const page = res[plural];
        if (!page) throw new Error(`no ${plural} in the answer`);
        out.push(...page.edges.map((e) => e.node));
        if (!page.pageInfo.hasNextPage) return out;
        after = page.pageInfo.endCursor;
      }
    },
    close: () => sandbox.close(),
  };
}

/** A sandbox starter that keeps the sandbox's request log, read over its /_sandbox/requests route before it stops. */
export function recordingStarter(): { start: SandboxStarter; log: () => Array<{ operationName: string | null; write: boolean }> } {
  let last: Array<{ operationName: string | null; write: boolean }> = [];
  const start: SandboxStarter = async (statePath) => {
    const sb = await startSandbox({ port: 0, statePath });
    const wrapped: DemoSandbox = {
      url: sb.url,
      apiKey: sb.apiKey,
      userToken: sb.userToken,
      requests: () => sb.requests(),
      async close() {
        const res = await fetch(`${sb.url}/_sandbox/requests`);
        last = (await res.json()) as typeof last;
        await sb.close();
      },
    };
    return wrapped;
  };
  return { start, log: () => last };
}
