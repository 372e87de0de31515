// The names a scaffolded file is built from: API names in camelCase, file names in
// kebab-case, and a readable label to start from.
import camelCase from 'lodash.camelcase';

/** Twenty's rule for object and field API names. */
const API_NAME = /^[a-z][a-zA-Z0-9]*$/;

/** `intel lead`, `intel-lead`, `IntelLead` → `intelLead`; undefined when it cannot be an API name. */
export function toApiName(input: string): string | undefined {
  const trimmed = input.trim();
  // An already camelCase name is kept as typed (lodash would lower-case "ID" in "clientID").
  const name = API_NAME.test(trimmed) ? trimmed : camelCase(trimmed);
  return API_NAME.test(name) ? name : undefined;
}

/** `intelLead` → `intel-lead`. */
export function toKebab(apiName: string): string {
  return apiName
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** `intelLead` → `intelLeads`, `company` → `companies`, `branch` → `branches`. */
export function pluralize(apiName: string): string {
  if (/[^aeiou]y$/.test(apiName)) return `${apiName.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(apiName)) return `${apiName}es`;
  return `${apiName}s`;
}

/** `intelLead` → `Intel lead`: a starting label, to be replaced by the real one. */
export function humanize(apiName: string): string {
  const words = toKebab(apiName).split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
