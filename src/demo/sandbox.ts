// The embedded Twenty sandbox (packages/twenty-sandbox), loaded on demand as `bankpack sandbox`
// loads it: the engine never imports it. Its workspace is kept in a JSON file, so the
// next run starts where this one ended.

export interface DemoSandbox {
  url: string;
  /** The sandbox's fixed development key and user token: not secrets, they open only this local sandbox. */
  apiKey: string;
  userToken: string;
  /** The requests it has answered since it started (its /_sandbox/requests log). */
  requests(): ReadonlyArray<{ write: boolean }>;
  close(): Promise<void>;
}

export type SandboxStarter = (statePath: string) => Promise<DemoSandbox>;

export const startDemoSandbox: SandboxStarter = async (statePath) => {
  const { startSandbox } = await import('twenty-sandbox');
  const sb = await startSandbox({ port: 0, statePath });
  return { url: sb.url, apiKey: sb.apiKey, userToken: sb.userToken, requests: () => sb.requests(), close: () => sb.close() };
};
