// The order seed files load in. A file whose records point at records of another
// seeded object loads after the files that seed it (Twenty checks the join column's
// foreign key, so the target must exist first); files that do not depend on each
// other share a layer and load together. Files keep the pack's name order, so a file
// can only depend on those whose names sort before it, as the seed headers say.

export interface LayerInput<T> {
  item: T;
  /** The object this file seeds. */
  object: string;
  /** The objects its relation values point at. */
  targets: ReadonlySet<string>;
}

export function seedLayers<T>(inputs: ReadonlyArray<LayerInput<T>>): T[][] {
  const depth: number[] = [];
  inputs.forEach((input, i) => {
    let d = 0;
    for (let j = 0; j < i; j++) {
      const earlier = inputs[j]!;
      if (earlier.object !== input.object && input.targets.has(earlier.object)) d = Math.max(d, depth[j]! + 1);
    }
    depth.push(d);
  });
  const layers: T[][] = [];
  inputs.forEach((input, i) => {
    const d = depth[i]!;
    while (layers.length <= d) layers.push([]);
    layers[d]!.push(input.item);
  });
  return layers;
}
