// pack.yaml `navigation:` folders: each names objects that exist, an icon Twenty
// can draw, a key used once, and no object in two folders (a side-menu entry
// has one place).
import type { PendingProblem } from '../problems.ts';
import { problemAt, unresolved, type RuleFamily } from './context.ts';
import { unknownIcon } from './icons.ts';

export const navigationFamily: RuleFamily = {
  name: 'navigation',
  check: ({ pack, refs }) => {
    const manifest = pack.manifest;
    if (!manifest?.navigation) return [];
    const problems: PendingProblem[] = [];
    const keys = new Set<string>();
    const placed = new Map<string, string>();
    manifest.navigation.forEach((folder, i) => {
      const at = ['navigation', i];
      if (keys.has(folder.key))
        problems.push(
          problemAt(manifest.source, [...at, 'key'], 'navigation-key-duplicate', `the folder key "${folder.key}" is used twice`, {
            hint: 'give each folder its own key',
          }),
        );
      keys.add(folder.key);
      const icon = folder.icon ? unknownIcon(folder.icon) : undefined;
      if (icon) problems.push(problemAt(manifest.source, [...at, 'icon'], 'icon-unknown', icon.message, { hint: icon.hint }));
      folder.objects.forEach((ref, j) => {
        const found = refs.resolveObject(ref);
        if (!found.found) {
          problems.push(unresolved(manifest.source, [...at, 'objects', j], 'navigation-object', found));
          return;
        }
        const name = found.object.nameSingular;
        const earlier = placed.get(name);
        if (earlier !== undefined)
          problems.push(
            problemAt(manifest.source, [...at, 'objects', j], 'navigation-object-twice', `${name} is already in the folder "${earlier}"`, {
              hint: 'list each object in one folder',
            }),
          );
        else placed.set(name, folder.key);
      });
    });
    return problems;
  },
};
