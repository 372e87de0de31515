// Small pieces of the template walk (walk.ts): building Handlebars AST nodes, locating
// a failing path segment, and the message for a value that cannot be printed as is.
/// <reference types="handlebars" />
import type { VarType } from './var-types.ts';

type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;
type HashPair = hbs.AST.HashPair;
type SourceLocation = hbs.AST.SourceLocation;

/** The location of the path segment that failed (`nmae` in company.nmae), for a precise column. */
export function segmentLoc(path: PathExpression, passed: readonly string[], at: number): SourceLocation {
  const tail = passed.slice(at).join('.');
  const offset = path.original.endsWith(tail) ? path.original.length - tail.length : 0;
  const loc = path.loc;
  if (!loc || offset === 0) return loc;
  return { ...loc, start: { line: loc.start.line, column: loc.start.column + offset } };
}

export function isSimple(path: PathExpression): boolean {
  return !path.data && path.depth === 0 && path.parts.length === 1 && !path.original.startsWith('this') && !path.original.includes('/');
}

export function isCrmData(type: VarType): boolean {
  return type.kind !== 'struct' && type.kind !== 'value' ? true : type.kind === 'value' && type.field !== undefined;
}

/** Why a value cannot be printed as it is, with the way to print it. */
export function printable(type: VarType, original: string): { message: string; hint?: string } | undefined {
  switch (type.kind) {
    case 'record':
      return { message: `\`${original}\` is a whole ${type.object} record`, hint: `print one of its fields, e.g. {{${original}.name}}` };
    case 'list':
      return { message: `\`${original}\` is a list`, hint: `loop over it: {{#each ${original}}}…{{/each}}` };
    case 'struct':
      return {
        message: `\`${original}\` is a group of values`,
        hint: `print one of them: ${Object.keys(type.members)
          .map((m) => `${original}.${m}`)
          .join(', ')}`,
      };
    case 'composite': {
      const hints: Record<string, string> = {
        CURRENCY: `{{yuan ${original}}} or {{capital ${original}}}`,
        FULL_NAME: `{{fullName ${original}}}`,
        EMAILS: `{{${original}.primaryEmail}}`,
        ADDRESS: `{{${original}.addressCity}} (and the other address parts)`,
        PHONES: `{{${original}.primaryPhoneNumber}}`,
        LINKS: `{{${original}.primaryLinkUrl}}`,
      };
      return {
        message: `\`${original}\` is a ${type.field.type} value with several parts`,
        hint: `write ${hints[type.field.type] ?? 'one of its parts'}`,
      };
    }
    default:
      return undefined;
  }
}

export function literal(value: string, loc: SourceLocation): Expression {
  return { type: 'StringLiteral', value, original: value, loc } as hbs.AST.StringLiteral;
}

export function pair(key: string, value: string, loc: SourceLocation): HashPair {
  return { type: 'HashPair', key, value: literal(value, loc), loc };
}
