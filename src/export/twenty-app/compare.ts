// The second oracle: twenty-sdk's build of the export, compared with the pack
// entity by entity. What the SDK accepted must still be what the pack says:
// names, types, option values, relation targets, view columns and menu items.
// A difference is a bug on one side (our export, or our reading of Twenty).
import type { AppModel } from './app-model.ts';
import type { BuiltManifest } from './sdk.ts';

type Row = Record<string, unknown>;

export function compareWithManifest(model: AppModel, manifest: BuiltManifest): string[] {
  const problems: string[] = [];
  const byUid = (rows: Row[]): Map<string, Row> => new Map(rows.map((r) => [String(r.universalIdentifier), r]));
  const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v ?? null));
  const objects = byUid(manifest.objects);
  const fields = byUid(manifest.fields);
  const views = byUid(manifest.views);
  const menu = byUid(manifest.navigationMenuItems);
  const roles = byUid(manifest.roles);

  const sameField = (where: string, ours: Row, built: Row | undefined): void => {
    if (!built) {
      problems.push(`${where}: the field ${String(ours.name)} is missing from the built manifest`);
      return;
    }
    for (const key of [
      'name',
      'type',
      'relationTargetObjectMetadataUniversalIdentifier',
      'relationTargetFieldMetadataUniversalIdentifier',
    ]) {
      if (JSON.stringify(plain(ours[key])) !== JSON.stringify(plain(built[key])))
        problems.push(
          `${where}.${String(ours.name)}: ${key} is ${JSON.stringify(plain(built[key]))} in the build, ${JSON.stringify(plain(ours[key]))} in the pack`,
        );
    }
    const values = (r: Row): string[] => ((r.options as Row[] | undefined) ?? []).map((o) => String(o.value));
    if (values(ours).join(',') !== values(built).join(','))
      problems.push(
        `${where}.${String(ours.name)}: options ${values(built).join(',')} in the build, ${values(ours).join(',')} in the pack`,
      );
  };

  for (const entity of model.entities) {
    const c = entity.config;
    const uid = String(c.universalIdentifier);
    switch (entity.define) {
      case 'defineObject': {
        const built = objects.get(uid);
        if (!built) {
          problems.push(`object ${String(c.nameSingular)}: missing from the built manifest`);
          break;
        }
        if (built.nameSingular !== c.nameSingular || built.namePlural !== c.namePlural)
          problems.push(`object ${String(c.nameSingular)}: named ${String(built.nameSingular)}/${String(built.namePlural)} in the build`);
        const builtFields = byUid((built.fields as Row[] | undefined) ?? []);
        for (const f of c.fields as Row[]) sameField(`object ${String(c.nameSingular)}`, f, builtFields.get(String(f.universalIdentifier)));
        break;
      }
      case 'defineField': {
        const built = fields.get(uid);
        sameField('field', c, built);
        if (built && built.objectUniversalIdentifier !== c.objectUniversalIdentifier)
          problems.push(`field ${String(c.name)}: on object ${String(built.objectUniversalIdentifier)} in the build`);
        break;
      }
      case 'defineView': {
        const built = views.get(uid);
        if (!built) {
          problems.push(`view ${String(c.name)}: missing from the built manifest`);
          break;
        }
        const columns = (r: Row): string =>
          ((r.fields as Row[] | undefined) ?? [])
            .map((f) => `${String(f.fieldMetadataUniversalIdentifier)}@${String(f.position)}`)
            .sort()
            .join(',');
        if (built.objectUniversalIdentifier !== c.objectUniversalIdentifier)
          problems.push(`view ${String(c.name)}: on object ${String(built.objectUniversalIdentifier)} in the build`);
        if (columns(built) !== columns(c)) problems.push(`view ${String(c.name)}: its columns differ in the build`);
        break;
      }
      case 'defineNavigationMenuItem': {
        const built = menu.get(uid);
        if (!built) problems.push(`navigation menu item ${uid}: missing from the built manifest`);
        else if (built.targetObjectUniversalIdentifier !== c.targetObjectUniversalIdentifier)
          problems.push(`navigation menu item ${uid}: points at ${String(built.targetObjectUniversalIdentifier)} in the build`);
        break;
      }
      case 'defineRole': {
        const built = roles.get(uid);
        if (!built) {
          problems.push(`role ${String(c.label)}: missing from the built manifest`);
          break;
        }
        // The build gives each permission row an identifier of its own; the grant is the rest.
        const rows = (v: unknown): unknown[] => (plain(v ?? []) as Row[]).map(({ universalIdentifier: _, ...rest }) => rest);
        const predicates = (r: Row): unknown[] =>
          (plain(r.rowLevelPermissionPredicates ?? []) as Row[]).map((p) => [p.universalIdentifier, p.fieldUniversalIdentifier, p.operand]);
        const grants = (r: Row): string =>
          JSON.stringify([
            rows(r.objectPermissions),
            rows(r.fieldPermissions),
            predicates(r),
            plain(r.permissionFlagUniversalIdentifiers ?? []),
            ...['canReadAllObjectRecords', 'canUpdateAllObjectRecords', 'canBeAssignedToUsers'].map((k) => r[k] ?? null),
          ]);
        if (grants(built) !== grants(c)) problems.push(`role ${String(c.label)}: its permissions differ in the build`);
        break;
      }
      default:
        break;
    }
  }
  return problems;
}
