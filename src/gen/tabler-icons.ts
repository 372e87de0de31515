// Regenerates src/pack/standard/tabler-icons.generated.json: every icon
// component name @tabler/icons-react exports (aliases such as Icon123 included),
// which is the set Twenty's front end looks icon names up in. Run after
// upgrading the pinned package:  npx tsx src/gen/tabler-icons.ts
//
// Twenty pins "@tabler/icons-react": "^3.31.0" (twentyhq/twenty
// packages/twenty-ui/package.json @acc0f92); its useIcons() falls back to the
// Icon123 glyph for any name it does not find (packages/twenty-ui/src/display/
// icon/hooks/useIcons.ts @d718d4e), so an unknown name fails silently there.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TABLER_PACKAGE = '@tabler/icons-react';
export const GENERATED_ICONS_PATH = fileURLToPath(new URL('../pack/standard/tabler-icons.generated.json', import.meta.url));

export interface TablerIconList {
  package: string;
  version: string;
  icons: string[];
}

/** The installed package's version and the text of its ESM entry, which re-exports every icon by name. */
export function readInstalledTablerPackage(): { version: string; entry: string } {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve(`${TABLER_PACKAGE}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string; module: string };
  return { version: manifest.version, entry: readFileSync(join(dirname(manifestPath), manifest.module), 'utf8') };
}

/** `export { default as Icon123, default as IconNumber123 } from …` → every `Icon…` name, sorted. */
export function iconNamesFromEntry(entry: string): string[] {
  const names = new Set<string>();
  for (const match of entry.matchAll(/\bdefault as (Icon[A-Za-z0-9]+)\b/g)) names.add(match[1]!);
  return [...names].sort();
}

export function buildTablerIconList(): TablerIconList {
  const { version, entry } = readInstalledTablerPackage();
  return { package: TABLER_PACKAGE, version, icons: iconNamesFromEntry(entry) };
}

/** The committed file's exact text: one name per line, so a diff shows what an upgrade adds or drops. */
export function renderTablerIconsJson(list: TablerIconList): string {
  return `${JSON.stringify(list, null, 2)}\n`;
}

function main(): number {
  const list = buildTablerIconList();
  if (list.icons.length === 0) {
    process.stderr.write(`No icon names found in ${TABLER_PACKAGE} ${list.version}; its entry file changed shape. Nothing written.\n`);
    return 1;
  }
  writeFileSync(GENERATED_ICONS_PATH, renderTablerIconsJson(list));
  process.stdout.write(`Wrote ${list.icons.length} icon names from ${TABLER_PACKAGE} ${list.version} to ${GENERATED_ICONS_PATH}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
