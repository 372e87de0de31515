// Labels for an app. Twenty translates an app's labels by their source text: the
// manifest carries one text, and `locales/<locale>.json` maps each source text to
// its translation, keyed by a hash of the text (twenty-sdk 2.43 reads every
// catalog but `en`: English is taken to be the source). So one source text can
// have only one translation per locale. The export writes the labels in a chosen
// source locale (the pack's default, unless asked otherwise); catalogs are made
// for the other locales except `en`, and a source text that would need two
// translations is reported, the first kept.
import type { Translations } from '../../pack/index.ts';

/** twenty-sdk skips a catalog for this locale: it is the language of source texts. */
const SDK_SOURCE_LOCALE = 'en';

export class AppTexts {
  private readonly entries = new Map<string, Map<string, string>>();
  private readonly clashes = new Set<string>();

  constructor(
    private readonly defaultLocale: string,
    private readonly locales: readonly string[],
    private readonly sourceLocale: string = defaultLocale,
  ) {}

  /** The English text of a translatable property, recording its translations. */
  source(base: string, translations: Translations | undefined, property: string): string {
    const inLocale = (locale: string): string | undefined => (locale === this.defaultLocale ? base : translations?.[locale]?.[property]);
    return this.record(inLocale);
  }

  /** The English label of a select option (`translations: { en: Gold }`). */
  option(base: string, translations: Record<string, string> | undefined): string {
    return this.record((locale) => (locale === this.defaultLocale ? base : translations?.[locale]));
  }

  catalogs(): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    for (const [locale, map] of [...this.entries].sort(([a], [b]) => a.localeCompare(b))) {
      out[locale] = Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
    }
    return out;
  }

  collisions(): string[] {
    return [...this.clashes].sort();
  }

  private record(inLocale: (locale: string) => string | undefined): string {
    const source = inLocale(this.sourceLocale) ?? inLocale(this.defaultLocale) ?? '';
    for (const locale of new Set([this.defaultLocale, ...this.locales])) {
      if (locale === this.sourceLocale || locale === SDK_SOURCE_LOCALE) continue;
      const text = inLocale(locale);
      if (text === undefined || text === source) continue;
      const catalog = this.entries.get(locale) ?? new Map<string, string>();
      this.entries.set(locale, catalog);
      const earlier = catalog.get(source);
      if (earlier !== undefined && earlier !== text) this.clashes.add(`${locale}: "${source}" is both "${earlier}" and "${text}"`);
      else catalog.set(source, text);
    }
    return source;
  }
}
