// The sandbox's standard catalogue is a copy (src/catalogue/standard-objects.json):
// hold it to twenty-sdk@2.43.0's own STANDARD_OBJECT, so a workspace it seeds has
// Twenty's objects, fields and universal identifiers, and its relations pair up.
import { STANDARD_OBJECT } from 'twenty-sdk/define';
import { describe, expect, it } from 'vitest';
import { STANDARD_OBJECTS } from '../src/catalogue/index.ts';

type SdkObject = { universalIdentifier: string; fields: Record<string, { universalIdentifier: string }> };
const sdk = STANDARD_OBJECT as unknown as Record<string, SdkObject>;

describe("the sandbox's standard catalogue", () => {
  it("has exactly twenty-sdk's standard objects, with their universal identifiers", () => {
    expect(STANDARD_OBJECTS.map((o) => o.nameSingular).sort()).toEqual(Object.keys(sdk).sort());
    for (const o of STANDARD_OBJECTS) expect(o.universalIdentifier, o.nameSingular).toBe(sdk[o.nameSingular]?.universalIdentifier);
  });

  it("names every field twenty-sdk lists, typed or marked untyped, with the SDK's universal identifiers", () => {
    const mismatches: string[] = [];
    for (const o of STANDARD_OBJECTS) {
      const sdkFields = sdk[o.nameSingular]?.fields ?? {};
      const named = [...o.fields.map((f) => f.name), ...(o.untypedFieldNames ?? [])].sort();
      if (named.join() !== Object.keys(sdkFields).sort().join()) mismatches.push(`${o.nameSingular}: fields differ from twenty-sdk`);
      for (const f of o.fields) {
        if (sdkFields[f.name]?.universalIdentifier !== f.universalIdentifier)
          mismatches.push(`${o.nameSingular}.${f.name}: universal identifier`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('pairs every relation with its other side: a relation pointing back, or a field the catalogue leaves untyped', () => {
    const byName = new Map(STANDARD_OBJECTS.map((o) => [o.nameSingular, o]));
    const unpaired: string[] = [];
    for (const o of STANDARD_OBJECTS) {
      for (const f of o.fields) {
        if (!f.relation) continue;
        const target = byName.get(f.relation.targetObject);
        const back = target?.fields.find((t) => t.name === f.relation?.targetField);
        if (!back && target?.untypedFieldNames?.includes(f.relation.targetField)) continue;
        if (back?.relation?.targetObject !== o.nameSingular || back.relation.targetField !== f.name)
          unpaired.push(`${o.nameSingular}.${f.name}`);
      }
    }
    expect(unpaired).toEqual([]);
  });
});
