// settings/bank.yaml: the bank's own details, loaded once into the pack model for the
// letters and the e-mail send path, checked against schemas/settings.schema.json.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/pack/index.ts';
import { validatePack } from '../../src/validate/index.ts';
import { bareManifest } from '../support/bare-manifest.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The repository's pack.yaml and settings file in a temp folder, the settings replaced by `text`. */
async function packWithSettings(text?: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bankpack-settings-'));
  await writeFile(join(dir, 'pack.yaml'), await bareManifest());
  await cp(join(ROOT, 'settings'), join(dir, 'settings'), { recursive: true });
  if (text !== undefined) await writeFile(join(dir, 'settings', 'bank.yaml'), text);
  for (const [path, body] of Object.entries(extra)) await writeFile(join(dir, path), body);
  return dir;
}

describe('settings/bank.yaml', () => {
  it('is on the pack model as `settings`, with fictitious placeholders only', async () => {
    const { pack, problems } = await validatePack(await packWithSettings());
    expect(problems.map(formatProblem)).toEqual([]);
    expect(pack.settings).toMatchObject({
      bank: { name: '鸿远商业银行', hotline: '400-000-0000', postcode: '200120', website: 'www.hongyuan-bank.example' },
      email: { replyTo: 'service@hongyuan-bank.example', unsubscribe: { mailto: 'unsubscribe@hongyuan-bank.example' } },
      source: { file: 'settings/bank.yaml' },
    });
    // Every address and host is under .example (RFC 2606): nothing reaches a real party.
    const { bank, email } = pack.settings!;
    const hosts = [bank.website, email.from, email.replyTo, email.unsubscribe.mailto, email.unsubscribe.url ?? ''].map(
      (v) => /([a-z0-9.-]+\.[a-z]+)(?:[>/?]|$)/.exec(v)?.[1],
    );
    expect(hosts).toEqual(
      Array(5)
        .fill('www.hongyuan-bank.example')
        .map((h, i) => (i === 0 || i === 4 ? h : 'hongyuan-bank.example')),
    );
  });

  it('names a wrong value with its line and the key', async () => {
    const original = await readFile(join(ROOT, 'settings', 'bank.yaml'), 'utf8');
    const broken = original.replace('postcode: "200120"', 'postcode: "20012"').replace(/^ {4}url: .*$/m, '    url: http://x.example/u');
    const { pack, problems } = await validatePack(await packWithSettings(broken));
    const lines = problems.map(formatProblem);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^settings\/bank\.yaml:\d+:\d+ .*postcode/);
    expect(lines[1]).toMatch(/^settings\/bank\.yaml:\d+:\d+ .*url/);
    expect(pack.settings).toBeUndefined();
  });

  it('refuses any other file in settings/', async () => {
    const dir = await packWithSettings(undefined, { 'settings/smtp.yaml': 'host: x\n' });
    const { problems } = await validatePack(dir);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^settings\/smtp\.yaml:1:1 .*unrecognised file in settings\/.*settings\/bank\.yaml/),
    ]);
  });
});
