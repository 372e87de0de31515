// Every API request the sandbox received, for tests and benchmarks
// (GET /_sandbox/requests). Sandbox only: nothing like it exists in Twenty.
export interface RequestLogEntry {
  endpoint: '/metadata' | '/graphql';
  operationName: string | null;
  /** The operation is a mutation. */
  write: boolean;
  /** HTTP status sent; 0 when the connection was dropped without an answer. */
  status: number;
  /** The injected fault, if one struck this request. */
  fault?: string;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
