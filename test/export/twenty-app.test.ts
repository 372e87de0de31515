// `bankpack export twenty-app`: the pack as a twenty-sdk project, judged by
// twenty-sdk 2.43's own build (manifest rules + typecheck), then compared with
// the pack entity by entity — the real pack, and every fixture pack under test/
// that validate accepts. All builds start together in one beforeAll: each
// typecheck is its own tsc process, so they overlap the real pack's long
// manifest step instead of queueing behind it.
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildInTempFolder,
  buildKey,
  compareWithManifest,
  exportProject,
  sdkSystemFieldUid,
  sdkVersion,
  writeProject,
  type BuiltManifest,
  type ExportedProject,
} from '../../src/export/index.ts';
import type { ValidPack } from '../../src/pack/index.ts';
import { validatePack } from '../../src/validate/index.ts';
import { planAppSync, preparePlan, syncApp, type AppSync, type Plan } from '../../src/deploy/index.ts';
import { clientFor, deployOnce, MINI_PACK, miniSandbox, packSandbox, type Sandbox } from '../deploy/sandbox-helpers.ts';
import { runCli } from '../support/run-cli.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Every pack folder under a test fixtures folder. A folder with a make.mjs is a bad case
 * only complete once made (test/pack/bad-cases.test.ts), bad by definition: left out.
 */
function fixturePacks(dir: string, inFixtures = false): string[] {
  const out: string[] = [];
  if (inFixtures && existsSync(join(dir, 'pack.yaml')) && !existsSync(join(dir, 'make.mjs'))) out.push(dir);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() && e.name !== 'node_modules') out.push(...fixturePacks(join(dir, e.name), inFixtures || e.name === 'fixtures'));
  }
  return out;
}

interface Built {
  pack: ValidPack;
  project: ExportedProject;
  manifest?: BuiltManifest | undefined;
  error?: string | undefined;
}

const exportAndBuild = async (p: ValidPack): Promise<Built> => {
  const proj = exportProject(p, { sdkVersion: await sdkVersion(), systemFieldUid: await sdkSystemFieldUid() });
  const build = await buildInTempFolder(proj.files);
  return { pack: p, project: proj, manifest: build.manifest, error: build.error };
};

// Fixture packs validate accepts, by folder (validation is quick; the builds are not).
const fixtures = new Map<string, ValidPack>();
for (const dir of fixturePacks(join(ROOT, 'test'))) {
  const v = await validatePack(dir);
  if (v.valid && !v.problems.some((p) => p.severity !== 'warning')) fixtures.set(relative(ROOT, dir), v.valid);
}

let pack: ValidPack;
let project: ExportedProject;
let manifest: BuiltManifest | undefined;
let buildError: string | undefined;
const fixtureBuilds = new Map<string, Built>();

beforeAll(async () => {
  const validated = await validatePack(ROOT);
  expect(validated.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  pack = validated.valid!;
  const [real, ...others] = await Promise.all([exportAndBuild(pack), ...[...fixtures.values()].map(exportAndBuild)]);
  project = real!.project;
  manifest = real!.manifest;
  buildError = real!.error;
  [...fixtures.keys()].forEach((dir, i) => fixtureBuilds.set(dir, others[i]!));
  // Three builds take ~60 s of CPU; in a full run on 2 shared cores (load ~17) the wall time
  // passed 300 s, so the bound is wide.
}, 600_000);

describe('export twenty-app of the real pack', () => {
  it('is accepted by twenty-sdk build: manifest validation and typecheck', () => {
    expect(buildError).toBeUndefined();
    expect(manifest).toBeDefined();
  });

  it('builds a manifest that holds every object, field, view and menu item of the pack, unchanged', () => {
    const m = manifest!;
    expect(m.objects.map((o) => o.nameSingular).sort()).toEqual(pack.objects.map((o) => o.nameSingular).sort());
    expect(m.fields).toHaveLength(pack.fields.length);
    expect(m.views).toHaveLength(pack.views.length);
    // Six folders, one per mechanism, and every pack object in one of them.
    const folders = m.navigationMenuItems.filter((i) => i.type === 'FOLDER');
    expect(folders).toHaveLength(6);
    const placed = m.navigationMenuItems.filter((i) => i.type === 'OBJECT').map((i) => i.targetObjectUniversalIdentifier);
    expect(new Set(placed)).toEqual(new Set(pack.objects.map((o) => o.universalIdentifier)));
    expect(compareWithManifest(project.model, m)).toEqual([]);
  });

  it("carries every role of the pack, with its grants, beside the app's no-access default role", () => {
    const m = manifest!;
    const roles = pack.roles ?? [];
    expect(roles.length).toBeGreaterThan(0);
    expect(m.roles.map((r) => r.universalIdentifier).sort()).toEqual(
      [...roles.map((r) => r.universalIdentifier.toLowerCase()), m.application.defaultRoleUniversalIdentifier].sort(),
    );
    const manager = m.roles.find((r) => r.label === '客户经理')!;
    const intelLead = pack.objects.find((o) => o.nameSingular === 'intelLead')!;
    expect(manager.canReadAllObjectRecords).toBe(false);
    expect(manager.objectPermissions).toContainEqual(
      expect.objectContaining({
        objectUniversalIdentifier: intelLead.universalIdentifier,
        canReadObjectRecords: true,
        canUpdateObjectRecords: true,
      }),
    );
    // The bank has no row-level rule its model can express (docs/roles.md, "Row-level rules").
    expect(manager.rowLevelPermissionPredicates ?? []).toEqual([]);
  });

  it("keeps the relation targets: the complaint's company is the standard company and its inverse field", () => {
    const complaint = manifest!.objects.find((o) => o.nameSingular === 'complaint')!;
    const company = complaint.fields.find((f) => f.name === 'company')!;
    expect(company.type).toBe('RELATION');
    expect(company.relationTargetObjectMetadataUniversalIdentifier).toBe('20202020-b374-4779-a561-80086cb2e17f');
    expect(company.relationTargetFieldMetadataUniversalIdentifier).toBe('a4621ab7-f599-4f73-b964-c0460ada9cb5');
  });

  it('reports a difference between the build and the pack (the comparison can fail)', () => {
    const tampered = structuredClone(manifest!);
    const complaint = tampered.objects.find((o) => o.nameSingular === 'complaint')!;
    const step = complaint.fields.find((f) => f.name === 'step')!;
    step.options = (step.options as Array<{ value: string }>).slice(1);
    tampered.views = tampered.views.slice(1);
    const differences = compareWithManifest(project.model, tampered);
    expect(differences.some((d) => d.includes('complaint.step: options'))).toBe(true);
    expect(differences.some((d) => d.includes('missing from the built manifest'))).toBe(true);
  });
});

describe('export twenty-app of every fixture pack validate accepts', () => {
  it('finds the fixture packs (the deploy and letters mini-packs at least; no bad case is accepted)', () => {
    expect([...fixtures.keys()].sort()).toEqual(
      expect.arrayContaining(['test/deploy/fixtures/mini-pack', 'test/letters/fixtures/mini-pack']),
    );
    expect([...fixtures.keys()].filter((d) => d.startsWith('test/fixtures/bad/'))).toEqual([]);
  });

  for (const dir of fixtures.keys()) {
    it(`${dir}: twenty-sdk builds it, and the manifest holds the pack's objects, fields and views unchanged`, () => {
      const b = fixtureBuilds.get(dir)!;
      expect(b.error).toBeUndefined();
      const m = b.manifest!;
      expect(m.objects.map((o) => o.nameSingular).sort()).toEqual(b.pack.objects.map((o) => o.nameSingular).sort());
      expect(m.fields).toHaveLength(b.pack.fields.length);
      expect(m.views).toHaveLength(b.pack.views.length);
      expect(m.roles.map((r) => r.universalIdentifier).sort()).toEqual(
        [...(b.pack.roles ?? []).map((r) => r.universalIdentifier.toLowerCase()), m.application.defaultRoleUniversalIdentifier].sort(),
      );
      expect(compareWithManifest(b.project.model, m)).toEqual([]);
    });
  }
});

describe('export twenty-app files', () => {
  it('are byte-identical for the same pack', async () => {
    const again = exportProject(pack, { sdkVersion: await sdkVersion(), systemFieldUid: await sdkSystemFieldUid() });
    expect([...again.files]).toEqual([...project.files]);
  });

  it('pin twenty-sdk to the version bankpack is tested with, and list what an app cannot carry', async () => {
    const pkg = JSON.parse(project.files.get('package.json')!) as { devDependencies: Record<string, string>; engines: { twenty: string } };
    expect(pkg.devDependencies['twenty-sdk']).toBe(await sdkVersion());
    expect(pkg.engines.twenty).toBe(pack.manifest!.twenty);
    const readme = project.files.get('README.md')!;
    expect(readme).toMatch(/workflows \(9\) \| `bankpack deploy`/);
    expect(readme).toMatch(/`bankpack seed`/);
  });

  it('write one readable define* file per entity, enums by member name', () => {
    const complaint = project.files.get('src/objects/complaint.object.ts')!;
    expect(complaint).toMatch(/^import \{ defineObject, FieldType, OnDeleteAction, RelationType \} from 'twenty-sdk\/define';/);
    expect(complaint).toContain("nameSingular: 'complaint',");
    expect(complaint).toContain('type: FieldType.SELECT,');
    expect(complaint).toContain("labelSingular: '投诉',");
  });

  it('with English as the source locale, carry the Chinese labels as a zh-CN catalog and name the texts that collide', async () => {
    const en = exportProject(pack, { sdkVersion: await sdkVersion(), systemFieldUid: await sdkSystemFieldUid(), sourceLocale: 'en' });
    const catalog = JSON.parse(en.files.get('locales/zh-CN.json')!) as Record<string, string>;
    expect(catalog.Complaint).toBe('投诉');
    expect(en.files.get('src/objects/complaint.object.ts')).toContain("labelSingular: 'Complaint',");
    expect(en.model.collisions.some((c) => c.startsWith('zh-CN: "Name" is both'))).toBe(true);
    expect(en.files.get('README.md')).toContain('Translations that could not be told apart');
  });

  it('remove generated files the pack no longer makes, and nothing else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bankpack-export-'));
    await writeProject(dir, new Map([...project.files, ['src/objects/old.object.ts', 'x'], ['notes.txt', 'mine']]));
    const report = await writeProject(dir, project.files);
    expect(report.removed).toEqual(['src/objects/old.object.ts']);
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

// The app path end to end on the sandbox: the real pack's build installed through
// syncApplication as twenty-sdk's CLI sends it, then the usual plan — which should find
// only what an app cannot carry. One sandbox for the install, a small one for the clash.
describe('the real pack installed through syncApplication', () => {
  let sb: Sandbox;
  let dry: AppSync;
  let objectsBeforeSync = 0;
  let objectsAfterDryRun = 0;
  let installed: AppSync;
  let installRequests = 0;
  let again: AppSync;
  let after: Plan;
  const objectCount = async (s: Sandbox): Promise<number> =>
    (
      await clientFor(s).metadata<{ objects: { edges: unknown[] } }>(
        '{ objects(paging: { first: 1000 }) { edges { node { id } } } }',
        undefined,
        { operation: 'count objects' },
      )
    ).objects.edges.length;

  beforeAll(async () => {
    sb = await packSandbox();
    const client = clientFor(sb);
    objectsBeforeSync = await objectCount(sb);
    dry = await planAppSync(client, manifest!);
    objectsAfterDryRun = await objectCount(sb);
    const before = client.counter.total;
    installed = await syncApp(client, manifest!);
    installRequests = client.counter.total - before;
    again = await syncApp(client, manifest!);
    after = (await preparePlan(client, pack, {})).plan;
  }, 120_000);
  afterAll(async () => sb?.close());

  it('a dry run lists every entity to create and changes nothing', () => {
    expect(dry.actions.length).toBeGreaterThan(0);
    expect(dry.actions.every((a) => a.type === 'create')).toBe(true);
    expect(objectsAfterDryRun).toBe(objectsBeforeSync);
  });

  it('installs the whole schema in four requests (registration read and create, development app, sync)', () => {
    expect(installed.actions).toHaveLength(dry.actions.length);
    expect(installRequests).toBe(4);
  });

  it('a second sync of the same build changes nothing', () => {
    expect(again.actions).toEqual([]);
  });

  it("after it, bankpack's own plan finds only what an app cannot carry: workflows, reference records, English labels", () => {
    const kinds = new Set(after.changes.filter((c) => c.action === 'create').map((c) => c.kind));
    expect(kinds).toEqual(new Set(['workflow', 'records']));
    expect(after.changes.filter((c) => c.action === 'conflict')).toEqual([]);
    const updated = after.changes.filter((c) => c.action === 'update');
    expect(updated.flatMap((c) => c.diffs ?? []).filter((d) => !d.property.endsWith('(en)'))).toEqual([]);
    // The app brings its own no-access default role, which the pack does not define.
    expect(after.changes.filter((c) => c.action === 'not-in-pack').map((c) => c.title)).toEqual(['role "bankpack functions (no access)"']);
  });

  it("is refused where bankpack deploy created the objects, with the message of Twenty's runner", async () => {
    const mini = fixtureBuilds.get('test/deploy/fixtures/mini-pack')!;
    const other = await miniSandbox();
    try {
      expect((await deployOnce(other, mini.pack)).report?.ok).toBe(true);
      const client = clientFor(other);
      const objects = await objectCount(other);
      const refused = await syncApp(client, mini.manifest!).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(refused?.message).toMatch(
        /Migration action 'create' for 'objectMetadata' \(universalIdentifier: [0-9a-f-]+\) failed: Metadata: duplicate key value violates unique constraint/,
      );
      expect(await objectCount(other)).toBe(objects);
    } finally {
      await other.close();
    }
  });
});

// `bankpack deploy --as-app` as an admin runs it, on a copy of the deploy mini-pack. Its
// build cache is seeded with the manifest twenty-sdk built above from the same exported
// files (what buildCached itself keeps after a build), so the command takes seconds, not
// the minutes of a second build. (The mini-pack's relations need the full standard
// catalogue: on the small one the sync fails with FIELD_METADATA_NOT_FOUND.)
describe('bankpack deploy --as-app', () => {
  const KEY = 'tw-as-app-test-key-3c8d1f';
  let sb: Sandbox;
  let conn: string[];
  /** The operations sent since `from` that may write, by name (the sandbox does not count a dry run). */
  const writesSince = (from: number): string[] =>
    sb
      .requests()
      .slice(from)
      .filter((q) => q.write)
      .map((q) => q.operationName ?? '');
  const dryRunsSince = (from: number): number =>
    sb
      .requests()
      .slice(from)
      .filter((q) => q.operationName === 'BankpackSyncApplication' && !q.write).length;

  beforeAll(async () => {
    const mini = fixtureBuilds.get('test/deploy/fixtures/mini-pack')!;
    const dir = await mkdtemp(join(tmpdir(), 'bankpack-as-app-'));
    await cp(MINI_PACK, dir, { recursive: true });
    const cache = join(dir, '.bankpack', 'app-build');
    await mkdir(cache, { recursive: true });
    await writeFile(join(cache, `manifest-${await buildKey(mini.project.files)}.json`), JSON.stringify(mini.manifest));
    await writeFile(join(dir, 'key'), KEY, { mode: 0o600 });
    sb = await packSandbox({ apiKey: KEY });
    conn = ['--dir', dir, '--url', sb.url, '--api-key-file', join(dir, 'key'), '--rate-limit', '0'];
  });
  afterAll(async () => sb?.close());

  it('shows the dry run and, off a terminal without --yes, stops before anything is written', async () => {
    const r = await runCli('deploy', '--as-app', ...conn);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/App plan: 27 to create, 0 to update, 0 to delete\./);
    expect(r.err).toMatch(/pass --yes to install the app/);
    expect(dryRunsSince(0)).toBe(1);
    expect(writesSince(0)).toEqual([]);
    expect(sb.workspace.objectByName('desk')).toBeUndefined();
  });

  it('with --yes installs the app from one build and deploys the rest; a second run changes nothing', async () => {
    const first = await runCli('deploy', '--as-app', '--yes', ...conn);
    expect(first.code).toBe(0);
    expect(first.err.match(/building the app/g)).toHaveLength(1);
    expect(first.err).toMatch(
      /App synced into http:\/\/127\.0\.0\.1:\d+: 27 created, 0 updated, 0 deleted, in 5 request\(s\); twenty-sdk build reused\./,
    );
    expect(first.err).toMatch(/Deployed to http:\/\/127\.0\.0\.1:\d+: 11 changes applied/);
    expect(sb.workspace.objectByName('desk')).toBeDefined();
    const from = sb.requests().length;
    const again = await runCli('deploy', '--as-app', '--yes', ...conn);
    expect(again.code).toBe(0);
    expect(again.out).toContain('App plan: no changes, Twenty metadata matches the manifest.');
    expect(again.err).not.toContain('App synced');
    expect(again.err).toContain('No changes: the workspace already matches the pack.');
    expect(dryRunsSince(from)).toBe(1);
    expect(writesSince(from)).toEqual([]);
  });
});
