// The remaining standard objects, at object level only (their own fields stay
// untyped; the generator lists them). Enough for name-clash checks.
// Object rows: .../twenty-standard-application/utils/object-metadata/create-standard-flat-object-metadata.util.ts,
// except the agent* / campaignDelivery / messageSuppression rows, which that file
// does not define (they have no position/searchVector in the SDK either).
import { field, manyToOne, morphTarget, type HandField, type HandObject } from './define.ts';

function objectOnly(
  namePlural: string,
  labelSingular: string,
  labelPlural: string,
  icon: string,
  isSystem: boolean,
  labelIdentifierFieldName: string,
  fields: Record<string, HandField> = {},
): HandObject {
  return { namePlural, labelSingular, labelPlural, icon, isSystem, labelIdentifierFieldName, fields };
}

/** calendarEventTarget / messageThreadTarget: .../utils/field-metadata/build-standard-target-flat-field-metadatas.util.ts */
function syncedTargetFields(inverseField: string): Record<string, HandField> {
  return {
    isAutomaticallyAssigned: field('BOOLEAN', 'Automatically assigned', 'IconRobot', {
      isSystem: true,
      isNullable: false,
      defaultValue: false,
    }),
    isManuallyAssigned: field('BOOLEAN', 'Manually assigned', 'IconUserCheck', { isSystem: true, isNullable: false, defaultValue: true }),
    targetPerson: morphTarget('Person', 'IconUser', 'person', inverseField),
    targetCompany: morphTarget('Company', 'IconBuildingSkyscraper', 'company', inverseField),
    targetOpportunity: morphTarget('Opportunity', 'IconTargetArrow', 'opportunity', inverseField),
  };
}

export const OTHER_OBJECTS: Readonly<Record<string, HandObject>> = {
  blocklist: objectOnly('blocklists', 'Blocklist', 'Blocklists', 'IconForbid2', true, 'handle'),
  calendarChannelEventAssociation: objectOnly(
    'calendarChannelEventAssociations',
    'Calendar Channel Event Association',
    'Calendar Channel Event Associations',
    'IconCalendar',
    true,
    'id',
  ),
  calendarEventParticipant: objectOnly(
    'calendarEventParticipants',
    'Calendar event participant',
    'Calendar event participants',
    'IconCalendar',
    true,
    'handle',
  ),
  calendarEvent: objectOnly('calendarEvents', 'Calendar event', 'Calendar events', 'IconCalendar', true, 'title'),
  calendarEventTarget: objectOnly('calendarEventTargets', 'Calendar Event Target', 'Calendar Event Targets', 'IconCalendar', true, 'id', {
    calendarEvent: manyToOne('Calendar event', 'IconCalendar', 'calendarEvent', 'calendarEventTargets', { isNullable: false }),
    ...syncedTargetFields('calendarEventTargets'),
  }),
  callRecording: objectOnly('callRecordings', 'Call Recording', 'Call Recordings', 'IconVideo', true, 'title'),
  dashboard: objectOnly('dashboards', 'Dashboard', 'Dashboards', 'IconLayoutDashboard', false, 'title'),
  messageCampaign: objectOnly('messageCampaigns', 'Campaign', 'Campaigns', 'IconSend', true, 'name'),
  messageList: objectOnly('messageLists', 'List', 'Lists', 'IconUsersGroup', true, 'name'),
  messageListMember: objectOnly('messageListMembers', 'List Member', 'List Members', 'IconUser', true, 'id'),
  messageChannelMessageAssociation: objectOnly(
    'messageChannelMessageAssociations',
    'Message Channel Message Association',
    'Message Channel Message Associations',
    'IconMessage',
    true,
    'id',
  ),
  messageChannelMessageAssociationMessageFolder: objectOnly(
    'messageChannelMessageAssociationMessageFolders',
    'Message Channel Message Association Message Folder',
    'Message Channel Message Association Message Folders',
    'IconFolder',
    true,
    'id',
  ),
  messageParticipant: objectOnly('messageParticipants', 'Message Participant', 'Message Participants', 'IconUserCircle', true, 'handle'),
  messageThread: objectOnly('messageThreads', 'Message Thread', 'Message Threads', 'IconMessage', true, 'subject'),
  messageThreadTarget: objectOnly('messageThreadTargets', 'Message Thread Target', 'Message Thread Targets', 'IconMessage', true, 'id', {
    messageThread: manyToOne('Message thread', 'IconMessage', 'messageThread', 'messageThreadTargets', { isNullable: false }), // unconfirmed: label
    ...syncedTargetFields('messageThreadTargets'),
  }),
  message: objectOnly('messages', 'Message', 'Messages', 'IconMessage', true, 'subject'),
  recordShare: objectOnly('recordShares', 'Record share', 'Record shares', 'IconLock', true, 'id'),
  // unconfirmed: labels, icons, isSystem and label identifiers of the rows below.
  agentChatThread: objectOnly('agentChatThreads', 'Chat thread', 'Chat threads', 'IconMessage', true, 'title'),
  agentChatThreadTarget: objectOnly('agentChatThreadTargets', 'Chat thread target', 'Chat thread targets', 'IconMessage', true, 'id'),
  agentTurn: objectOnly('agentTurns', 'Agent turn', 'Agent turns', 'IconMessage', true, 'id'),
  agentMessage: objectOnly('agentMessages', 'Agent message', 'Agent messages', 'IconMessage', true, 'id'),
  agentMessagePart: objectOnly('agentMessageParts', 'Agent message part', 'Agent message parts', 'IconMessage', true, 'id'),
  agentTurnEvaluation: objectOnly('agentTurnEvaluations', 'Agent turn evaluation', 'Agent turn evaluations', 'IconMessage', true, 'id'),
  campaignDelivery: objectOnly('campaignDeliveries', 'Campaign delivery', 'Campaign deliveries', 'IconSend', true, 'id'),
  messageSuppression: objectOnly('messageSuppressions', 'Message suppression', 'Message suppressions', 'IconForbid2', true, 'emailAddress'),
};
