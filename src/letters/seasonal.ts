// Seasonal wording ("值此岁末年初之际", "as the year draws to a close") fits only the turn
// of the year. A template may write it only inside {{#if (yearEnd today)}}…{{else}}…{{/if}},
// so a letter rendered in June takes the neutral form; this check finds it anywhere else.
/// <reference types="handlebars" />
import type { BodyProblem, SourceSpot } from './walk.ts';

type Program = hbs.AST.Program;
type Statement = hbs.AST.Statement;
type BlockStatement = hbs.AST.BlockStatement;
type ContentStatement = hbs.AST.ContentStatement;

/** Phrases that belong to the year's end and the new year, in Chinese and English. */
export const SEASONAL_WORDS =
  /岁末|新的一年|新年|新春|春节|元旦|year draws to a close|coming year|new year|festive season|season's greetings/i;

/** True for `{{#if (yearEnd …)}}`: its first branch is the year-end wording. */
function isYearEndCondition(b: BlockStatement): boolean {
  const p = b.params[0];
  return b.path.original === 'if' && p?.type === 'SubExpression' && (p as hbs.AST.SubExpression).path.original === 'yearEnd';
}

export function seasonalProblems(program: Program, spot: SourceSpot): BodyProblem[] {
  const out: BodyProblem[] = [];
  const visit = (p: Program | undefined, guarded: boolean): void => {
    for (const st of p?.body ?? []) statement(st, guarded);
  };
  const statement = (st: Statement, guarded: boolean): void => {
    if (st.type === 'ContentStatement' && !guarded) {
      const c = st as ContentStatement;
      const m = SEASONAL_WORDS.exec(c.value);
      if (m) out.push(locate(c, m.index, m[0], spot));
    } else if (st.type === 'BlockStatement') {
      const b = st as BlockStatement;
      const yearEnd = isYearEndCondition(b);
      visit(b.program, guarded || yearEnd);
      visit(b.inverse, guarded);
    }
  };
  visit(program, false);
  return out;
}

function locate(c: ContentStatement, index: number, phrase: string, spot: SourceSpot): BodyProblem {
  const before = c.value.slice(0, index).split('\n');
  const startLine = c.loc?.start.line ?? 1;
  const startCol = c.loc?.start.column ?? 0;
  const relLine = startLine + before.length - 1;
  const column = before.length === 1 ? startCol + before[0]!.length : before[before.length - 1]!.length;
  return {
    file: spot.file,
    line: spot.line + relLine - 1,
    col: (relLine === 1 ? spot.col : 1) + column,
    message: `"${phrase}" is seasonal wording, printed whatever the date`,
    hint: 'put it inside {{#if (yearEnd today)}}…{{else}}<the neutral form>{{/if}} (1 December to 31 January)',
    severity: 'error',
  };
}
