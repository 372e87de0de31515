// The pack's UUID rule is Twenty's: the installed twenty-sdk's own isValidUuid (bundled,
// not exported) decides, and validate's code and the JSON Schema pattern editors use agree
// with it on every version digit and every variant digit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidUuid, uuidRefusal } from '../../src/pack/uuid.ts';

const sdkDir = join(import.meta.dirname, '..', '..', 'node_modules', 'twenty-sdk') + '/';

/** twenty-sdk's bundled isValidUuid: the regex of the one function its workflow schemas call "a valid UUID". */
function sdkIsValidUuid(): (value: string) => boolean {
  const text = readFileSync(`${sdkDir}dist/define/index.mjs`, 'utf8');
  const fns = [...text.matchAll(/var (\w+) = \(e\) => \/(\^\[0-9a-f\]\{8\}-[^/\n]+\$)\/(\w*)\.test\(e\);/g)];
  const used = fns.filter(([, name]) => text.includes(`.refine((e) => ${name}(e) ||`) && text.includes('"Must be a valid UUID'));
  expect(used, 'twenty-sdk dist/define/index.mjs should hold exactly one isValidUuid').toHaveLength(1);
  const [, , source = '', flags = ''] = used[0] ?? [];
  const re = new RegExp(source, flags);
  return (value) => re.test(value);
}

const defsPattern = (): RegExp => {
  const defs = JSON.parse(readFileSync(new URL('../../schemas/defs.schema.json', import.meta.url), 'utf8')) as {
    $defs: { uuid: { pattern: string } };
  };
  return new RegExp(defs.$defs.uuid.pattern, 'u');
};

/** The same random digits with every version digit × every variant digit, in both cases, and a few malformed ones. */
function samples(): string[] {
  const out: string[] = [];
  for (const version of '0123456789abcdef') {
    for (const variant of '0123456789abcdef') {
      const id = `7156a634-d358-${version}881-${variant}8f1-07d4cde605c9`;
      out.push(id, id.toUpperCase());
    }
  }
  out.push(
    '',
    'client-object-1',
    '7156a634d3584881b8f107d4cde605c9',
    ' 7156a634-d358-4881-b8f1-07d4cde605c9',
    '7156a634-d358-4881-b8f1-07d4cde605c9\n',
    '{7156a634-d358-4881-b8f1-07d4cde605c9}',
  );
  return out;
}

describe("the pack's UUID rule", () => {
  it('is twenty-sdk 2.43.0', () => {
    const pkg = JSON.parse(readFileSync(`${sdkDir}package.json`, 'utf8')) as { version: string };
    expect(pkg.version).toBe('2.43.0');
  });

  it("accepts exactly what twenty-sdk's own isValidUuid accepts", () => {
    const sdk = sdkIsValidUuid();
    const disagree = samples().filter((s) => isValidUuid(s) !== sdk(s));
    expect(disagree).toEqual([]);
    // The two ids of the issue: v1 is Twenty's, v7 is not.
    expect(sdk('0b9f6a2e-1d3c-11ee-8c90-0242ac120002')).toBe(true);
    expect(sdk('01890a5d-ac96-774b-bcce-b302099a8057')).toBe(false);
  });

  it("and so does the JSON Schema's uuid pattern that editors check as you type", () => {
    const pattern = defsPattern();
    expect(samples().filter((s) => pattern.test(s) !== isValidUuid(s))).toEqual([]);
  });

  it('says why a well-formed UUID is refused', () => {
    expect(uuidRefusal('01890a5d-ac96-774b-bcce-b302099a8057')).toBe('a UUID of version 7; Twenty accepts versions 1 to 5');
    expect(uuidRefusal('7156a634-d358-4881-c8f1-07d4cde605c9')).toBe(
      'a UUID whose fourth group starts with c; Twenty needs 8, 9, a or b there (the RFC 4122 variant)',
    );
    expect(uuidRefusal('0b9f6a2e-1d3c-11ee-8c90-0242ac120002')).toBeUndefined();
    expect(uuidRefusal('client-object-1')).toBeUndefined();
  });
});
