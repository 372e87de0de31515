// workspaceMember and the workflow objects.
// Object rows: .../twenty-standard-application/utils/object-metadata/create-standard-flat-object-metadata.util.ts
import { field, manyToOne, oneToMany, options, type HandObject } from './define.ts';

// Fields: .../utils/field-metadata/compute-workspace-member-standard-flat-field-metadata.util.ts
// (the msg({ context }) version, which has uiScale, openRecordIn and jobTitle).
const workspaceMember: HandObject = {
  namePlural: 'workspaceMembers',
  labelSingular: 'Workspace Member',
  labelPlural: 'Workspace Members',
  icon: 'IconUserCircle',
  isSystem: true,
  labelIdentifierFieldName: 'name',
  fields: {
    name: field('FULL_NAME', 'Name', 'IconCircleUser', { isNullable: false }),
    colorScheme: field('TEXT', 'Color Scheme', 'IconColorSwatch', { isSystem: true, isNullable: false, defaultValue: "'System'" }),
    uiScale: field('TEXT', 'Interface Scale', 'IconZoomScan', { isSystem: true, isNullable: false, defaultValue: "'Default'" }),
    openRecordIn: field('TEXT', 'Open Records In', 'IconLayoutSidebarRight', {
      isSystem: true,
      isNullable: false,
      defaultValue: "'SIDE_PANEL'",
    }),
    locale: field('TEXT', 'Language', 'IconLanguage', { isSystem: true, isNullable: false, defaultValue: "'en'" }),
    avatarUrl: field('TEXT', 'Avatar Url', 'IconFileUpload', { isSystem: true }),
    userEmail: field('TEXT', 'User Email', 'IconMail', { isSystem: true }),
    jobTitle: field('TEXT', 'Job Title', 'IconBriefcase', { isSystem: true }),
    userId: field('UUID', 'User Id', 'IconCircleUsers', { isSystem: true, isNullable: false }),
    assignedTasks: oneToMany('Assigned tasks', 'IconCheckbox', 'task', 'assignee', { isNullable: false }),
    ownedOpportunities: oneToMany('Owned opportunities', 'IconTargetArrow', 'opportunity', 'owner', { isNullable: false }),
    accountOwnerForCompanies: oneToMany('Account Owner For Companies', 'IconBriefcase', 'company', 'accountOwner', { isNullable: false }),
    messageParticipants: oneToMany('Message Participants', 'IconUserCircle', 'messageParticipant', 'workspaceMember', {
      isNullable: false,
    }),
    blocklist: oneToMany('Blocklist', 'IconForbid2', 'blocklist', 'workspaceMember', { isNullable: false }),
    calendarEventParticipants: oneToMany('Calendar Event Participants', 'IconCalendar', 'calendarEventParticipant', 'workspaceMember', {
      isNullable: false,
    }),
    timelineActivities: oneToMany('Events', 'IconTimelineEvent', 'timelineActivity', 'workspaceMember'),
    agentChatThreads: oneToMany('Conversations', 'IconMessage', 'agentChatThread', 'workspaceMember'), // unconfirmed: label, inverse
    timeZone: field('TEXT', 'Time zone', 'IconTimezone', { isSystem: true, isNullable: false, defaultValue: "'system'" }),
    dateFormat: field('SELECT', 'Date format', 'IconCalendarEvent', {
      isSystem: true,
      isNullable: false,
      defaultValue: "'SYSTEM'",
      options: options([
        ['SYSTEM', 'System', 'turquoise'],
        ['MONTH_FIRST', 'Month First', 'red'],
        ['DAY_FIRST', 'Day First', 'purple'],
        ['YEAR_FIRST', 'Year First', 'sky'],
      ]),
    }),
    timeFormat: field('SELECT', 'Time format', 'IconClock2', {
      isSystem: true,
      isNullable: false,
      defaultValue: "'SYSTEM'",
      options: options([
        ['SYSTEM', 'System', 'sky'],
        ['HOUR_24', '24HRS', 'red'],
        ['HOUR_12', '12HRS', 'purple'],
      ]),
    }),
    calendarStartDay: field('NUMBER', 'Start of the week', 'IconCalendar', { isSystem: true, isNullable: false, defaultValue: 7 }),
    numberFormat: field('SELECT', 'Number format', 'IconNumbers', {
      isSystem: true,
      isNullable: false,
      defaultValue: "'SYSTEM'",
      options: options([
        ['SYSTEM', 'System', 'turquoise'],
        ['COMMAS_AND_DOT', 'Commas and dot', 'blue'],
        ['SPACES_AND_COMMA', 'Spaces and comma', 'green'],
        ['DOTS_AND_COMMA', 'Dots and comma', 'orange'],
        ['APOSTROPHE_AND_DOT', 'Apostrophe and dot', 'purple'],
      ]),
    }),
  },
};

const VERSION_STATUSES = options([
  ['DRAFT', 'Draft', 'yellow'],
  ['ACTIVE', 'Active', 'green'],
  ['DEACTIVATED', 'Deactivated', 'gray'],
]);

// Fields: .../utils/field-metadata/compute-workflow-standard-flat-field-metadata.util.ts
const workflow: HandObject = {
  namePlural: 'workflows',
  labelSingular: 'Workflow',
  labelPlural: 'Workflows',
  icon: 'IconSettingsAutomation',
  isSystem: false,
  labelIdentifierFieldName: 'name',
  fields: {
    name: field('TEXT', 'Name', 'IconSettingsAutomation'),
    lastPublishedVersionId: field('TEXT', 'Last published Version Id', 'IconVersions'),
    coreWorkflowId: field('UUID', 'Core workflow Id', 'IconSettingsAutomation', { isSystem: true }), // unconfirmed
    statuses: field('MULTI_SELECT', 'Statuses', 'IconStatusChange', { options: VERSION_STATUSES }),
    versions: oneToMany('Versions', 'IconVersions', 'workflowVersion', 'workflow', { isNullable: false }),
    runs: oneToMany('Runs', 'IconRun', 'workflowRun', 'workflow', { isNullable: false }),
    automatedTriggers: oneToMany('Automated Triggers', 'IconSettingsAutomation', 'workflowAutomatedTrigger', 'workflow', {
      isNullable: false,
    }),
    timelineActivities: oneToMany('Timeline Activities', 'IconTimelineEvent', 'timelineActivity', 'targetWorkflow', { isNullable: false }),
    attachments: oneToMany('Attachments', 'IconFileUpload', 'attachment', 'targetWorkflow', { isNullable: false }),
  },
};

// Fields: .../utils/field-metadata/compute-workflow-version-standard-flat-field-metadata.util.ts
const workflowVersion: HandObject = {
  namePlural: 'workflowVersions',
  labelSingular: 'Workflow Version',
  labelPlural: 'Workflow Versions',
  icon: 'IconVersions',
  isSystem: true,
  labelIdentifierFieldName: 'name',
  fields: {
    name: field('TEXT', 'Name', 'IconSettingsAutomation'),
    workflow: manyToOne('Workflow', 'IconSettingsAutomation', 'workflow', 'versions'),
    trigger: field('RAW_JSON', 'Version trigger', 'IconSettingsAutomation'),
    status: field('SELECT', 'Version status', 'IconStatusChange', {
      isNullable: false,
      defaultValue: "'DRAFT'",
      options: options([
        ['DRAFT', 'Draft', 'yellow'],
        ['ACTIVE', 'Active', 'green'],
        ['DEACTIVATED', 'Deactivated', 'orange'],
        ['ARCHIVED', 'Archived', 'gray'],
      ]),
    }),
    runs: oneToMany('Runs', 'IconRun', 'workflowRun', 'workflowVersion'),
    steps: field('RAW_JSON', 'Version steps', 'IconSettingsAutomation'),
    coreWorkflowVersionId: field('UUID', 'Core workflow version Id', 'IconVersions', { isSystem: true }), // unconfirmed
    timelineActivities: oneToMany('Timeline Activities', 'IconTimelineEvent', 'timelineActivity', 'targetWorkflowVersion', {
      isNullable: false,
    }),
  },
};

// Fields: .../utils/field-metadata/compute-workflow-run-standard-flat-field-metadata.util.ts
const workflowRun: HandObject = {
  namePlural: 'workflowRuns',
  labelSingular: 'Workflow Run',
  labelPlural: 'Workflow Runs',
  icon: 'IconHistoryToggle',
  isSystem: true,
  labelIdentifierFieldName: 'name',
  fields: {
    name: field('TEXT', 'Name', 'IconSettingsAutomation'),
    workflowVersion: manyToOne('Workflow version', 'IconVersions', 'workflowVersion', 'runs', { isNullable: false }),
    workflow: manyToOne('Workflow', 'IconSettingsAutomation', 'workflow', 'runs', { isNullable: false }),
    enqueuedAt: field('DATE_TIME', 'Workflow run enqueued at', 'IconHistory'),
    startedAt: field('DATE_TIME', 'Workflow run started at', 'IconHistory'),
    endedAt: field('DATE_TIME', 'Workflow run ended at', 'IconHistory'),
    status: field('SELECT', 'Workflow run status', 'IconStatusChange', {
      isNullable: false,
      defaultValue: "'NOT_STARTED'",
      options: options([
        ['NOT_STARTED', 'Not started', 'gray'],
        ['RUNNING', 'Running', 'yellow'],
        ['COMPLETED', 'Completed', 'green'],
        ['FAILED', 'Failed', 'red'],
        ['ENQUEUED', 'Enqueued', 'blue'],
        ['STOPPING', 'Stopping', 'orange'],
        ['STOPPED', 'Stopped', 'gray'],
      ]),
    }),
    state: field('RAW_JSON', 'State', 'IconHierarchy2', { isNullable: false }),
    stepLogs: field('RAW_JSON', 'Step logs', 'IconTerminal2', { isSystem: true }),
    coreWorkflowId: field('UUID', 'Core workflow Id', 'IconSettingsAutomation', { isSystem: true }), // unconfirmed
    coreWorkflowVersionId: field('UUID', 'Core workflow version Id', 'IconVersions', { isSystem: true }), // unconfirmed
    timelineActivities: oneToMany('Timeline Activities', 'IconTimelineEvent', 'timelineActivity', 'targetWorkflowRun', {
      isNullable: false,
    }),
  },
};

// Fields: .../utils/field-metadata/compute-workflow-automated-trigger-standard-flat-field-metadata.util.ts
const workflowAutomatedTrigger: HandObject = {
  namePlural: 'workflowAutomatedTriggers',
  labelSingular: 'Workflow Automated Trigger',
  labelPlural: 'Workflow Automated Triggers',
  icon: 'IconSettingsAutomation',
  isSystem: true,
  labelIdentifierFieldName: 'id',
  fields: {
    type: field('SELECT', 'Automated Trigger Type', 'IconSettingsAutomation', {
      isNullable: false,
      options: options([
        ['DATABASE_EVENT', 'Database Event', 'green'],
        ['CRON', 'Cron', 'blue'],
      ]),
    }),
    settings: field('RAW_JSON', 'Settings', 'IconSettings', { isNullable: false }),
    workflow: manyToOne('Workflow', 'IconSettingsAutomation', 'workflow', 'automatedTriggers', { isNullable: false }),
  },
};

export const WORKSPACE_OBJECTS: Readonly<Record<string, HandObject>> = {
  workspaceMember,
  workflow,
  workflowVersion,
  workflowRun,
  workflowAutomatedTrigger,
};
