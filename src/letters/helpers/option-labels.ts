// A SELECT value shown as its option's label in the letter's language (PLATINUM →
// 白金客户 / Platinum), from the field's options in the pack.

export interface OptionLabel {
  value: string;
  label: string;
  translations?: Record<string, string>;
}

/** The label of `value` in `locale`: the option's translation, else its default label, else the value. */
export function optionLabel(options: readonly OptionLabel[] | undefined, value: string, locale: string, defaultLocale: string): string {
  const option = options?.find((o) => o.value === value);
  if (!option) return value;
  if (locale === defaultLocale) return option.label;
  const exact = option.translations?.[locale];
  const language = Object.entries(option.translations ?? {}).find(([l]) => l.split('-')[0] === locale.split('-')[0])?.[1];
  return exact ?? language ?? option.label;
}
