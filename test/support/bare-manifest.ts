// The repository's pack.yaml for a small test pack: without its `navigation:`
// folders, which name the repository's own objects and would not resolve there.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');

export async function bareManifest(): Promise<string> {
  const doc = parseDocument(await readFile(join(ROOT, 'pack.yaml'), 'utf8'));
  doc.delete('navigation');
  return doc.toString();
}
