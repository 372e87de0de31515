// Small pure helpers shared by the diffs: value equality, property diffs, translations.
import type { PropertyDiff } from './plan.ts';
import type { TranslationMap } from './state.ts';

/** Structural equality of JSON-like values (key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** `desired` is a subset of `actual`: every key the pack sets has the same value. */
export function isSubset(desired: Record<string, unknown>, actual: Record<string, unknown> | null): boolean {
  return Object.entries(desired).every(([k, v]) => sameJson(v, actual?.[k]));
}

/** Collects property diffs and the matching update payload. */
export class DiffBuilder {
  readonly diffs: PropertyDiff[] = [];
  readonly update: Record<string, unknown> = {};

  /** Compare one property; `desired === undefined` means the pack does not set it. */
  prop(property: string, actual: unknown, desired: unknown, updateKey: string = property): this {
    if (desired === undefined) return this;
    if (!sameJson(actual ?? null, desired ?? null)) {
      this.diffs.push({ property, from: actual ?? null, to: desired ?? null });
      this.update[updateKey] = desired;
    }
    return this;
  }

  /** Translation overrides: differences are listed per locale; the update sends all of them. */
  translations(actual: TranslationMap, desired: TranslationMap): this {
    let differs = false;
    for (const [locale, props] of Object.entries(desired)) {
      for (const [property, value] of Object.entries(props)) {
        const current = actual[locale]?.[property];
        if (current !== value) {
          differs = true;
          this.diffs.push({ property: `${property} (${locale})`, from: current ?? null, to: value });
        }
      }
    }
    if (differs) this.update.translations = translationInputs(desired);
    return this;
  }

  get changed(): boolean {
    return this.diffs.length > 0;
  }
}

/** Twenty's `MetadataTranslationOverrideInput` list (`{ locale, property, value }`). */
export function translationInputs(map: TranslationMap): Array<{ locale: string; property: string; value: string }> {
  return Object.entries(map).flatMap(([locale, props]) => Object.entries(props).map(([property, value]) => ({ locale, property, value })));
}

export function hasTranslations(map: TranslationMap): boolean {
  return Object.values(map).some((p) => Object.keys(p).length > 0);
}
