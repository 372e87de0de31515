// The committed Tabler icon list is exactly what the generator reads from the installed
// @tabler/icons-react: after an upgrade this fails until `npx tsx src/gen/tabler-icons.ts` is run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTablerIconList, GENERATED_ICONS_PATH, iconNamesFromEntry, renderTablerIconsJson } from '../../src/gen/tabler-icons.ts';

describe('the committed Tabler icon list', () => {
  it('matches the installed @tabler/icons-react, name for name', () => {
    const built = buildTablerIconList();
    expect(built.icons.length).toBeGreaterThan(5000);
    expect(readFileSync(GENERATED_ICONS_PATH, 'utf8')).toBe(renderTablerIconsJson(built));
  });

  it('reads every exported name, aliases included, once and sorted', () => {
    const entry = [
      "export { default as Icon123, default as IconNumber123 } from './icons/IconNumber123.mjs';",
      "export { default as IconAB2 } from './icons/IconAB2.mjs';",
      "export { default as IconAB2 } from './icons/IconAB2.mjs';",
      "import * as index from './icons/index.mjs';",
    ].join('\n');
    expect(iconNamesFromEntry(entry)).toEqual(['Icon123', 'IconAB2', 'IconNumber123']);
  });
});
