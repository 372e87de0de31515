// The export op: the validated pack as a twenty-sdk application project, written to a
// folder and/or built by twenty-sdk and compared with the pack (src/export). twenty-sdk
// is loaded only when this op runs.
import type { ExportTwentyAppResult } from '../export/index.ts';
import { packOf, silent, type OpFailure, type PackInput, type Progress } from './types.ts';

export interface ExportInput extends PackInput {
  /** Where to write the project; absent, nothing is written (a check only). */
  out?: string;
  /** Build it with twenty-sdk and compare the manifest with the pack. */
  check: boolean;
  /** The locale the app's labels are written in (default: the pack's defaultLocale). */
  sourceLocale?: string;
  onProgress?: Progress;
}

export interface Exported {
  ok: true;
  result: ExportTwentyAppResult;
  /** twenty-sdk refused the app or its manifest differs from the pack (exit code 1). */
  refused: boolean;
}

export async function exportApp(input: ExportInput): Promise<Exported | OpFailure> {
  const checked = await packOf(input, 'nothing exported');
  if (!checked.ok) return checked;
  const { exportTwentyApp } = await import('../export/index.ts');
  const result = await exportTwentyApp({
    pack: checked.pack,
    ...(input.out !== undefined ? { dir: input.out } : {}),
    check: input.check,
    ...(input.sourceLocale ? { sourceLocale: input.sourceLocale } : {}),
    onProgress: input.onProgress ?? silent,
  });
  return { ok: true, result, refused: result.check !== undefined && !result.check.ok };
}
