// Saving the workspace to a JSON file: written after writes (coalesced, so a
// burst of record writes costs one save), atomically (temp file + rename), and
// flushed on close. Loaded at start when the file exists.
import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { WorkspaceData } from './types.ts';
import type { Workspace } from './workspace.ts';

export function loadState(path: string): WorkspaceData | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(
      `${path}: not a sandbox state file (invalid JSON: ${e instanceof Error ? e.message : String(e)}); move it away to start afresh`,
      { cause: e },
    );
  }
  if (typeof data !== 'object' || data === null || (data as { formatVersion?: unknown }).formatVersion !== 1) {
    throw new Error(`${path}: not a sandbox state file (formatVersion 1 expected); move it away to start afresh`);
  }
  return data as WorkspaceData;
}

export class StateSaver {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly ws: Workspace,
    private readonly delayMs = 50,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, this.delayMs);
  }

  private save(): Promise<void> {
    this.writing = this.writing.then(async () => {
      const tmp = `${this.path}.tmp`;
      await writeFile(tmp, JSON.stringify(this.ws.toData()));
      await rename(tmp, this.path);
    });
    return this.writing;
  }

  /** Writes now if a save is pending, and waits for any write in flight. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.save();
    }
    await this.writing;
  }
}
