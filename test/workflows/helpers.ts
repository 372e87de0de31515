// Small packs for the workflow tests: one custom object (lead) beside Twenty's
// standard objects, and workflow definitions written as data.
import { linkPack, type LinkedPack, type ObjectDef, type WorkflowDef } from '../../src/pack/index.ts';
import { buildCatalogue, type Catalogue } from '../../src/workflows/catalogue.ts';

export const WF = '6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f';

export const LEAD: ObjectDef = {
  universalIdentifier: '5b0c2a6e-7d41-4f3e-9a2b-6c1d8e0f4a21',
  nameSingular: 'lead',
  namePlural: 'leads',
  labelSingular: 'Lead',
  labelPlural: 'Leads',
  source: { file: 'objects/lead.object.yaml', path: [] },
  fields: [
    {
      universalIdentifier: '8e4a1c3b-2f5d-4e6a-9b7c-1d0e2f3a4b5c',
      name: 'name',
      type: 'TEXT',
      label: 'Name',
      source: { file: 'objects/lead.object.yaml', path: ['fields', 0] },
    },
    {
      universalIdentifier: '2c7e9a1f-4b3d-4c5e-8f6a-7b8c9d0e1f2a',
      name: 'stage',
      type: 'SELECT',
      label: 'Stage',
      options: [
        { value: 'COLLECTED', label: 'Collected', position: 0 },
        { value: 'PUBLISHED', label: 'Published', position: 1 },
      ],
      source: { file: 'objects/lead.object.yaml', path: ['fields', 1] },
    },
    {
      universalIdentifier: '3d8f0b2a-5c4e-4d6f-9a7b-8c9d0e1f2a3b',
      name: 'owner',
      type: 'RELATION',
      label: 'Owner',
      relationTargetObjectMetadataUniversalIdentifier: 'standard:workspaceMember',
      relationTargetFieldMetadataUniversalIdentifier: 'standard:workspaceMember.assignedTasks',
      universalSettings: { relationType: 'MANY_TO_ONE', joinColumnName: 'ownerId' },
      source: { file: 'objects/lead.object.yaml', path: ['fields', 2] },
    },
  ],
};

export function packWith(workflows: WorkflowDef[] = []): LinkedPack {
  return linkPack({ root: '/pack', objects: [LEAD], fields: [], views: [], workflows, templates: [], seeds: [], policies: [] });
}

export const LEAD_CREATED = { type: 'DATABASE_EVENT', object: 'lead', event: 'created' };

/** A workflow definition as the loader gives it, from the data of its file. */
export function workflow(steps: unknown[], trigger: Record<string, unknown> = LEAD_CREATED, name = 'w'): WorkflowDef {
  return {
    universalIdentifier: WF,
    name,
    data: { universalIdentifier: WF, name, trigger, steps },
    source: { file: 'workflows/w.workflow.yaml', path: [] },
  };
}

let cached: Catalogue | undefined;
export function catalogue(): Catalogue {
  cached ??= buildCatalogue(packWith());
  return cached;
}
