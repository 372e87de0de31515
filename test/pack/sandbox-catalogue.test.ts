// The sandbox keeps its own copy of Twenty's standard objects (it may not import
// the engine, so it cannot share the engine's mistakes). When one side is corrected
// and the other is not, this test names the objects on which they disagree.
import { loadStandardObjects } from 'twenty-sandbox';
import { describe, expect, it } from 'vitest';
import { STANDARD_OBJECTS } from '../../src/pack/standard/index.ts';

describe("the sandbox's standard catalogue and the engine's", () => {
  it('describe the same objects, fields, types, relations and options', async () => {
    const sandbox = new Map((await loadStandardObjects()).map((o) => [o.nameSingular, JSON.stringify(o)]));
    const engine = new Map(STANDARD_OBJECTS.map((o) => [o.nameSingular, JSON.stringify(o)]));
    const names = [...new Set([...sandbox.keys(), ...engine.keys()])].sort();
    const disagree = names.filter((n) => sandbox.get(n) !== engine.get(n));
    expect(disagree).toEqual([]);
    expect(names.length).toBeGreaterThan(30);
  });
});
