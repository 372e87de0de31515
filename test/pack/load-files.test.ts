import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/pack/load-files.ts';

async function packWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'bankpack-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

describe('loadFiles', () => {
  it('reports a YAML syntax error at its line and column', async () => {
    const root = await packWith({ 'pack.yaml': 'name: x\n', 'objects/a.object.yaml': 'nameSingular: a\n  bad: [\n' });
    const { problems } = await loadFiles(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'objects/a.object.yaml', line: 1, col: 15, rule: 'syntax' });
    expect(problems[0]!.message).toMatch(/^YAML: Nested mappings/);
  });

  it('refuses a file of another kind in a folder and says where it belongs', async () => {
    const root = await packWith({ 'pack.yaml': 'name: x\n', 'objects/leads.view.yaml': 'name: x\n' });
    const { problems } = await loadFiles(root);
    expect(problems[0]).toMatchObject({ file: 'objects/leads.view.yaml', hint: 'move it to views/' });
  });

  it('locates a nested node for later problems', async () => {
    const root = await packWith({
      'pack.yaml': 'name: x\n',
      'objects/a.object.yaml': 'fields:\n  - name: a\n  - name: b\n    type: TEXT\n',
    });
    const { files } = await loadFiles(root);
    const file = files.find((f) => f.kind === 'object')!;
    expect(file.locate(['fields', 1, 'type'])).toEqual({ line: 4, col: 11 });
    expect(file.locate(['fields', 1, 'type'], true)).toEqual({ line: 4, col: 5 });
  });
});
