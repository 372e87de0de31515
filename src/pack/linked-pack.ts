// The pack as read, linked: its reference index and linked model (./linked.ts) built once,
// and its default locale decided once. Validation makes one for its rules; a pack that
// passes becomes a ValidPack (./validate.ts), the only kind deploy, letters, jobs and
// export accept.
import { linkModel, type LinkedModel } from './linked.ts';
import type { Pack } from './model.ts';
import { buildRefIndex, type RefIndex } from './refs.ts';

/**
 * The locale a pack's labels are written in when pack.yaml does not say. The manifest's
 * `defaultLocale` wins, and the schema requires it, so only a pack that failed validation
 * ever falls back. The fallback is Twenty's own source locale (`SOURCE_LOCALE = 'en'`,
 * twenty-shared/src/translations/constants/SourceLocale.ts @0753537a): what Twenty assumes
 * labels are written in, so a label read without a locale means the same here and there.
 */
export const DEFAULT_LOCALE = 'en';

export interface LinkedPack extends Pack {
  /** The manifest's defaultLocale, else DEFAULT_LOCALE. */
  readonly defaultLocale: string;
  /** The default locale first, then the manifest's other locales. */
  readonly locales: readonly string[];
  readonly refs: RefIndex;
  readonly model: LinkedModel;
}

/** The default locale of a manifest that may be missing or partial (a folder not yet validated). */
export function defaultLocaleOf(manifest: { defaultLocale?: unknown } | undefined): string {
  return typeof manifest?.defaultLocale === 'string' ? manifest.defaultLocale : DEFAULT_LOCALE;
}

export function linkPack(pack: Pack): LinkedPack {
  const refs = buildRefIndex(pack);
  const defaultLocale = defaultLocaleOf(pack.manifest);
  return {
    ...pack,
    defaultLocale,
    locales: [...new Set([defaultLocale, ...(pack.manifest?.locales ?? [])])],
    refs,
    model: linkModel(pack, refs),
  };
}
