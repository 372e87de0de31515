// Which fields a read asks for, as data: `['id', 'stage', { location: ['addressLat', 'addressLng'] }]`
// renders `id stage location { addressLat addressLng }`. Asking only for what a job
// needs keeps each page small (Twenty also caps a query's field count).

export type Selection = ReadonlyArray<string | { readonly [field: string]: Selection }>;

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** GraphQL selection text; throws on a name that is not a GraphQL name (a programming error). */
export function renderSelection(selection: Selection): string {
  const parts: string[] = [];
  for (const item of selection) {
    if (typeof item === 'string') {
      if (!NAME.test(item)) throw new Error(`not a GraphQL field name: "${item}"`);
      parts.push(item);
      continue;
    }
    for (const [field, sub] of Object.entries(item)) {
      if (!NAME.test(field)) throw new Error(`not a GraphQL field name: "${field}"`);
      parts.push(`${field} { ${renderSelection(sub)} }`);
    }
  }
  return parts.join(' ');
}

/** The selection with `id` first, added when missing: every record read is keyed by its id. */
export function withId(selection: Selection): Selection {
  return selection.includes('id') ? selection : ['id', ...selection];
}
