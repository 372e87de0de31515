// Turn schema-valid files into the pack model. The schemas already guaranteed the
// shapes, so this only attaches sources and splits a template's path into its id.
import type { PackFile } from './load-files.ts';
import type {
  FieldDef,
  ObjectDef,
  Pack,
  PackManifest,
  PackSettings,
  PolicyDef,
  RoleDef,
  SeedDef,
  TemplateDef,
  ViewDef,
  WorkflowDef,
} from './model.ts';

type Data = Record<string, unknown>;

export function buildPack(root: string, files: readonly PackFile[]): Pack {
  const pack: Pack = { root, objects: [], fields: [], views: [], workflows: [], templates: [], seeds: [], policies: [], roles: [] };
  for (const file of files) {
    const data = file.data as Data;
    const source = { file: file.path, path: [] as const };
    switch (file.kind) {
      case 'manifest':
        pack.manifest = { ...(data as unknown as PackManifest), source };
        break;
      case 'settings':
        pack.settings = { ...(data as unknown as Omit<PackSettings, 'source'>), source };
        break;
      case 'object': {
        const fields = ((data.fields as Data[] | undefined) ?? []).map(
          (f, i) => ({ ...(f as unknown as FieldDef), source: { file: file.path, path: ['fields', i] } }) satisfies FieldDef,
        );
        pack.objects.push({ ...(data as unknown as ObjectDef), fields, source });
        break;
      }
      case 'field':
        pack.fields.push({ ...(data as unknown as FieldDef), source });
        break;
      case 'view':
        pack.views.push({ ...(data as unknown as ViewDef), fields: (data.fields as ViewDef['fields'] | undefined) ?? [], source });
        break;
      case 'workflow':
        pack.workflows.push({
          universalIdentifier: String(data.universalIdentifier),
          name: String(data.name),
          data,
          source,
        } satisfies WorkflowDef);
        break;
      case 'template':
        pack.templates.push(toTemplate(file, data));
        break;
      case 'seed':
        pack.seeds.push({
          object: String(data.object),
          key: (data.key as string[] | undefined) ?? [],
          records: (data.records as Data[] | undefined) ?? [],
          demo: data.demo === true,
          source,
        } satisfies SeedDef);
        break;
      case 'role':
        (pack.roles ??= []).push({ ...(data as unknown as Omit<RoleDef, 'source'>), source });
        break;
      case 'policy':
        pack.policies.push({ name: file.path.replace(/^policies\//, '').replace(/\.policy\.yaml$/, ''), data, source } satisfies PolicyDef);
        break;
    }
  }
  return pack;
}

function toTemplate(file: PackFile, data: Data): TemplateDef {
  // templates/letters/greeting.zh-CN.hbs → id "letters/greeting.zh-CN"
  const id = file.path.replace(/^templates\//, '').replace(/\.hbs$/, '');
  const folder = id.split('/')[0];
  const channel: TemplateDef['channel'] =
    folder === 'emails' ? 'email' : folder === 'partials' ? 'partial' : folder === 'layouts' ? 'layout' : 'letter';
  return { id, channel, frontMatter: data, body: file.body ?? '', bodyLine: file.bodyLine ?? 1, source: { file: file.path, path: [] } };
}
