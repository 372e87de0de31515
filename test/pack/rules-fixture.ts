// Small packs written to a temp folder and validated end to end, so a rule test sees the
// exact `file:line:col  message  (hint)` lines a user would. Shared by rules-*.test.ts.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { formatProblem, type Pack } from '../../src/pack/index.ts';
import { validatePack } from '../../src/validate/index.ts';

export const PACK_YAML = 'name: rules-test\nversion: 0.1.0\ntwenty: ">=2.40.0 <2.44.0"\ndefaultLocale: zh-CN\n';

export async function writePack(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rules-'));
  for (const [path, text] of Object.entries({ 'pack.yaml': PACK_YAML, ...files })) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** Every line `bankpack validate` would print for these files. */
export async function validateLines(files: Record<string, string>): Promise<string[]> {
  const { problems } = await validatePack(await writePack(files));
  return problems.map(formatProblem);
}

export async function loadPack(files: Record<string, string>): Promise<Pack> {
  const { pack, problems } = await validatePack(await writePack(files));
  const schemaProblems = problems.filter((p) => p.rule === 'schema' || p.rule === 'syntax' || p.rule === 'file');
  if (schemaProblems.length > 0) throw new Error(`test pack is not schema-valid:\n${schemaProblems.map(formatProblem).join('\n')}`);
  return pack;
}

/** A custom object file: `fields` is YAML for the list items, indented by two spaces. */
export function objectYaml(o: {
  uid: string;
  singular: string;
  plural: string;
  labels?: [string, string];
  extra?: string;
  fields: string;
}): string {
  const [ls, lp] = o.labels ?? ['客户', '客户库'];
  return [
    `universalIdentifier: ${o.uid}`,
    `nameSingular: ${o.singular}`,
    `namePlural: ${o.plural}`,
    `labelSingular: ${ls}`,
    `labelPlural: ${lp}`,
    ...(o.extra ? [o.extra.trimEnd()] : []),
    'fields:',
    o.fields.trimEnd(),
    '',
  ].join('\n');
}

export const UID = {
  client: 'ee5ecbb9-1da3-448e-9a4c-75227caadfbb',
  clientName: '6571aa21-f329-43e7-94a3-49cc7ca12350',
  advisor: '1082e1be-76ba-46eb-a59a-40e26ae07b82',
  advisorName: '0fddfe9d-da7a-4442-aeae-e90992dc638f',
  clientAdvisor: '919dff71-f5b8-4242-8638-2f2425a9097b',
  advisorClients: '55fa2a2d-f460-448f-9685-7599e7be98cf',
  f1: '257730e3-f92d-43ce-9871-ee0b481b501d',
  f2: 'b5dea093-385d-4f9a-8165-d7592f72a38d',
  f3: '644f600e-6d03-4e71-b388-6942e7de339c',
  view: '593d3620-389f-41b6-bc24-6498c61f4f27',
  companyField: '849e1b84-3eb1-4a81-bbee-073cc8e5df26',
} as const;

/** The client object's `name` field, as list-item YAML. */
export const NAME_FIELD = `  - universalIdentifier: ${UID.clientName}\n    name: name\n    type: TEXT\n    label: 名称\n`;
