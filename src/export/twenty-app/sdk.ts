// What the export takes from twenty-sdk itself: its version, its derivation of the
// identifiers no file names, and its build (`appBuild`, the same code as `twenty
// dev:build`: manifest validation by Twenty's own rules, then a typecheck).
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SystemFieldUid } from './app-model.ts';

/** node_modules holding twenty-sdk (and the TypeScript its build checks with). */
export function sdkNodeModules(): string {
  const entry = fileURLToPath(import.meta.resolve('twenty-sdk/define'));
  const marker = `${sep}node_modules${sep}`;
  return entry.slice(0, entry.lastIndexOf(marker) + marker.length - 1);
}

export async function sdkVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(sdkNodeModules(), 'twenty-sdk', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export async function sdkSystemFieldUid(): Promise<SystemFieldUid> {
  const define = await import('twenty-sdk/define');
  return define.getFieldUniversalIdentifier;
}

export interface SdkBuild {
  ok: boolean;
  /** The SDK's own error (code and message) when it refused the project. */
  error?: string;
  manifest?: BuiltManifest;
  progress: string[];
}

/** The parts of `.twenty/output/manifest.json` the comparison reads. */
export interface BuiltManifest {
  application: { universalIdentifier: string; displayName: string; defaultRoleUniversalIdentifier?: string };
  objects: Array<Record<string, unknown> & { universalIdentifier: string; fields: Array<Record<string, unknown>> }>;
  fields: Array<Record<string, unknown> & { universalIdentifier: string }>;
  views: Array<Record<string, unknown> & { universalIdentifier: string }>;
  navigationMenuItems: Array<Record<string, unknown> & { universalIdentifier: string }>;
  roles: Array<Record<string, unknown> & { universalIdentifier: string }>;
  translations?: Record<string, Record<string, string>>;
}

export async function buildWithSdk(appPath: string): Promise<SdkBuild> {
  const { appBuild } = await import('twenty-sdk/cli');
  const progress: string[] = [];
  const result = await appBuild({ appPath, onProgress: (m) => progress.push(m) });
  if (!result.success) return { ok: false, error: `${result.error.code}: ${result.error.message}`, progress };
  const manifest = JSON.parse(await readFile(join(result.data.outputDir, 'manifest.json'), 'utf8')) as BuiltManifest;
  return { ok: true, manifest, progress };
}
