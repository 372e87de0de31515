// One linked model (issue 17): validation returns a ValidPack that nothing else can make,
// and letters, workflows, roles and deploy read the same fields and default locale from it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogue as lettersCatalogue } from '../../src/letters/catalogue.ts';
import { DEFAULT_LOCALE, type ValidPack } from '../../src/pack/index.ts';
import { validatePack } from '../../src/validate/index.ts';
import { CUSTOM_OBJECT_DEFAULT_FIELDS } from '../../src/pack/standard/index.ts';
import { buildCatalogue as workflowsCatalogue } from '../../src/workflows/catalogue.ts';
import { loadPack, miniPack, template } from '../letters/pack-fixture.ts';

describe('ValidPack', () => {
  it('comes from validation only, and only for a pack without errors', async () => {
    const ok = await validatePack(await miniPack());
    expect(ok.valid?.manifest.name).toBe('letters-mini-pack');
    const broken = await validatePack(await miniPack({ 'objects/broken.object.yaml': 'nameSingular: 1\n' }));
    expect(broken.problems.some((p) => p.severity === 'error')).toBe(true);
    expect(broken.valid).toBeUndefined();

    const { pack } = ok;
    // @ts-expect-error a ValidPack cannot be written by hand: its brand is private to validate.ts
    const forged: ValidPack = { ...pack, manifest: pack.manifest!, roles: [] };
    expect(forged.model).toBe(pack.model);
  });

  it('gives letters, workflows and roles the same system fields of a pack object', async () => {
    const { valid } = await validatePack(await miniPack());
    const pack = valid!;
    const letters = lettersCatalogue(pack).objects.get('clientManager')!;
    const workflows = workflowsCatalogue(pack).object('clientManager')!;
    for (const { name, type } of CUSTOM_OBJECT_DEFAULT_FIELDS) {
      expect(letters.fields.get(name)?.type, `letters: clientManager.${name}`).toBe(type);
      expect(workflows.fields.get(name)?.type, `workflows: clientManager.${name}`).toBe(type);
      expect(pack.refs.resolveField(`clientManager.${name}`).found, `roles: clientManager.${name}`).toBe(true);
    }
  });

  it('lets a letter print who last changed a record, as a workflow may read it', async () => {
    // The letters used to know 6 of the 13 fields Twenty adds to a custom object: updatedBy was "not a field".
    const files = { 'templates/letters/test.hbs': template('object: company', '<p>{{company.relationshipManager.updatedBy.name}}</p>') };
    const { problems, templateProblems } = await loadPack(await miniPack(files));
    expect(templateProblems).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('decides the default locale once: the manifest wins, else one fallback for every reader', async () => {
    const { valid } = await validatePack(await miniPack());
    expect(valid?.defaultLocale).toBe('zh-CN');
    expect(lettersCatalogue(valid!).defaultLocale).toBe('zh-CN');

    // Letters render from a pack with errors elsewhere; they used to fall back to zh-CN where deploy and export said en.
    const dir = await miniPack();
    await writeFile(join(dir, 'pack.yaml'), 'name: no-locale\nversion: 0.1.0\ntwenty: ">=2.40.0 <2.44.0"\n');
    const { pack, valid: none } = await validatePack(dir);
    expect(none).toBeUndefined();
    expect(pack.defaultLocale).toBe(DEFAULT_LOCALE);
    expect(lettersCatalogue(pack).defaultLocale).toBe(DEFAULT_LOCALE);
  });
});
