// note, task, their target join objects, attachment and timelineActivity.
// Object rows: .../twenty-standard-application/utils/object-metadata/create-standard-flat-object-metadata.util.ts
// Target legs follow .../utils/field-metadata/build-standard-target-flat-field-metadatas.util.ts:
// MORPH_RELATION, MANY_TO_ONE, labelled after the target object.
import { field, manyToOne, morphTarget, oneToMany, options, type HandField, type HandObject } from './define.ts';

/** The morph legs of a target object towards person, company and opportunity; one icon for all, or each target's own. */
function crmTargetLegs(inverseField: string, icon?: string): Record<string, HandField> {
  return {
    targetPerson: morphTarget('Person', icon ?? 'IconUser', 'person', inverseField),
    targetCompany: morphTarget('Company', icon ?? 'IconBuildingSkyscraper', 'company', inverseField),
    targetOpportunity: morphTarget('Opportunity', icon ?? 'IconTargetArrow', 'opportunity', inverseField),
  };
}

// Fields: .../utils/field-metadata/compute-note-standard-flat-field-metadata.util.ts
// (bodyV2 is RICH_TEXT_V2 there; 2.x renamed the type RICH_TEXT, as the compiled task builder shows).
const note: HandObject = {
  namePlural: 'notes',
  labelSingular: 'Note',
  labelPlural: 'Notes',
  icon: 'IconNotes',
  isSystem: false,
  labelIdentifierFieldName: 'title',
  fields: {
    title: field('TEXT', 'Title', 'IconNotes'),
    bodyV2: field('RICH_TEXT', 'Body', 'IconFilePencil'),
    noteTargets: oneToMany('Relations', 'IconArrowUpRight', 'noteTarget', 'note'),
    attachments: oneToMany('Attachments', 'IconFileImport', 'attachment', 'targetNote'),
    timelineActivities: oneToMany('Timeline Activities', 'IconTimelineEvent', 'timelineActivity', 'targetNote'),
  },
};

// Fields: .../utils/field-metadata/compute-task-standard-flat-field-metadata.util (compiled 2.x build).
const task: HandObject = {
  namePlural: 'tasks',
  labelSingular: 'Task',
  labelPlural: 'Tasks',
  icon: 'IconCheckbox',
  isSystem: false,
  labelIdentifierFieldName: 'title',
  fields: {
    title: field('TEXT', 'Title', 'IconNotes'),
    bodyV2: field('RICH_TEXT', 'Body', 'IconFilePencil'),
    dueAt: field('DATE_TIME', 'Due Date', 'IconCalendarEvent'),
    status: field('SELECT', 'Status', 'IconCheck', {
      defaultValue: "'TODO'",
      options: options([
        ['TODO', 'To do', 'sky'],
        ['IN_PROGRESS', 'In progress', 'purple'],
        ['DONE', 'Done', 'green'],
      ]),
    }),
    taskTargets: oneToMany('Relations', 'IconArrowUpRight', 'taskTarget', 'task'),
    attachments: oneToMany('Attachments', 'IconFileImport', 'attachment', 'targetTask'),
    assignee: manyToOne('Assignee', 'IconUserCircle', 'workspaceMember', 'assignedTasks'),
    timelineActivities: oneToMany('Timeline Activities', 'IconTimelineEvent', 'timelineActivity', 'targetTask'),
  },
};

// Fields: .../utils/field-metadata/compute-note-target-standard-flat-field-metadata.util.ts (i18nLabel version)
const noteTarget: HandObject = {
  namePlural: 'noteTargets',
  labelSingular: 'Note Target',
  labelPlural: 'Note Targets',
  icon: 'IconCheckbox',
  isSystem: true,
  labelIdentifierFieldName: 'id',
  fields: {
    note: manyToOne('Note', 'IconNotes', 'note', 'noteTargets'),
    ...crmTargetLegs('noteTargets', 'IconCheckbox'),
  },
};

// Fields: .../utils/field-metadata/compute-task-target-standard-flat-field-metadata.util.ts
// unconfirmed: mirrors noteTarget (labels, IconCheckbox legs); the 2.x task target file was not read.
const taskTarget: HandObject = {
  namePlural: 'taskTargets',
  labelSingular: 'Task Target',
  labelPlural: 'Task Targets',
  icon: 'IconCheckbox',
  isSystem: true,
  labelIdentifierFieldName: 'id',
  fields: {
    task: manyToOne('Task', 'IconCheckbox', 'task', 'taskTargets'),
    ...crmTargetLegs('taskTargets', 'IconCheckbox'),
  },
};

// Fields: .../utils/field-metadata/compute-attachment-standard-flat-field-metadata.util.ts
// (the stored version still has plain task/note/... relations; 2.x has target* morph legs, per the SDK).
const attachment: HandObject = {
  namePlural: 'attachments',
  labelSingular: 'Attachment',
  labelPlural: 'Attachments',
  icon: 'IconFileImport',
  isSystem: true,
  labelIdentifierFieldName: 'name',
  fields: {
    name: field('TEXT', 'Name', 'IconFileUpload'),
    file: field('FILES', 'File', 'IconFileUpload'), // unconfirmed: label and icon
    fullPath: field('TEXT', 'Full path', 'IconLink'),
    fileCategory: field('SELECT', 'File category', 'IconList', {
      isNullable: false,
      defaultValue: "'OTHER'",
      options: options([
        ['ARCHIVE', 'Archive', 'gray'],
        ['AUDIO', 'Audio', 'pink'],
        ['IMAGE', 'Image', 'yellow'],
        ['PRESENTATION', 'Presentation', 'orange'],
        ['SPREADSHEET', 'Spreadsheet', 'turquoise'],
        ['TEXT_DOCUMENT', 'Text Document', 'blue'],
        ['VIDEO', 'Video', 'purple'],
        ['OTHER', 'Other', 'gray'],
      ]),
    }),
    targetTask: morphTarget('Task', 'IconNotes', 'task', 'attachments'),
    targetNote: morphTarget('Note', 'IconNotes', 'note', 'attachments'),
    ...crmTargetLegs('attachments'), // unconfirmed: icons
    targetDashboard: morphTarget('Dashboard', 'IconLayout', 'dashboard', 'attachments'),
    targetWorkflow: morphTarget('Workflow', 'IconSettingsAutomation', 'workflow', 'attachments'),
    targetAgentChatThread: morphTarget('Conversation', 'IconMessage', 'agentChatThread', 'attachments'), // unconfirmed
  },
};

// Fields: .../utils/field-metadata/compute-timeline-activity-standard-flat-field-metadata.util.ts
const timelineLeg = (label: string, target: string): HandField => morphTarget(label, 'IconTimelineEvent', target, 'timelineActivities');
const timelineActivity: HandObject = {
  namePlural: 'timelineActivities',
  labelSingular: 'Timeline Activity',
  labelPlural: 'Timeline Activities',
  icon: 'IconTimelineEvent',
  isSystem: true,
  labelIdentifierFieldName: 'linkedRecordCachedName',
  fields: {
    timelineActivityTypeId: field('UUID', 'Timeline activity type Id', 'IconAbc', { isSystem: true }), // unconfirmed
    timelineActivityTypeSnapshot: field('RAW_JSON', 'Timeline activity type', 'IconAbc', { isSystem: true }), // unconfirmed
    happensAt: field('DATE_TIME', 'Creation date', 'IconCalendar', { isNullable: false, defaultValue: 'now' }),
    properties: field('RAW_JSON', 'Event details', 'IconListDetails'),
    workspaceMember: manyToOne('Workspace Member', 'IconCircleUser', 'workspaceMember', 'timelineActivities'),
    targetPerson: timelineLeg('Person', 'person'),
    targetCompany: timelineLeg('Company', 'company'),
    targetOpportunity: timelineLeg('Opportunity', 'opportunity'),
    targetTask: timelineLeg('Task', 'task'),
    targetNote: timelineLeg('Note', 'note'),
    targetWorkflow: timelineLeg('Workflow', 'workflow'),
    targetWorkflowVersion: timelineLeg('WorkflowVersion', 'workflowVersion'),
    targetWorkflowRun: timelineLeg('Workflow Run', 'workflowRun'), // unconfirmed: label
    targetDashboard: timelineLeg('Dashboard', 'dashboard'), // unconfirmed: label
    targetMessageList: timelineLeg('List', 'messageList'), // unconfirmed: label
    targetMessageCampaign: timelineLeg('Campaign', 'messageCampaign'), // unconfirmed: label
    linkedRecordCachedName: field('TEXT', 'Linked Record cached name', 'IconAbc', { isSystem: true }),
    linkedRecordId: field('UUID', 'Linked Record id', 'IconAbc', { isSystem: true }),
    linkedObjectMetadataId: field('UUID', 'Linked Object Metadata Id', 'IconAbc', { isSystem: true }),
  },
};

export const ACTIVITY_OBJECTS: Readonly<Record<string, HandObject>> = {
  note,
  task,
  noteTarget,
  taskTarget,
  attachment,
  timelineActivity,
};
