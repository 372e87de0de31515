// company, person, opportunity. Object rows: twentyhq/twenty
// packages/twenty-server/src/engine/workspace-manager/twenty-standard-application/utils/object-metadata/create-standard-flat-object-metadata.util.ts
import { field, manyToOne, oneToMany, options, targetRelations, type HandObject } from './define.ts';

// Fields: .../utils/field-metadata/compute-company-standard-flat-field-metadata.util.ts
// (the 2.x version with annualRevenue and without employees/xLink/ARR/ICP).
const company: HandObject = {
  namePlural: 'companies',
  labelSingular: 'Company',
  labelPlural: 'Companies',
  icon: 'IconBuildingSkyscraper',
  isSystem: false,
  labelIdentifierFieldName: 'name',
  fields: {
    name: field('TEXT', 'Name', 'IconBuildingSkyscraper'),
    domainName: field('LINKS', 'Domain Name', 'IconLink'),
    address: field('ADDRESS', 'Address', 'IconMap'),
    linkedinLink: field('LINKS', 'Linkedin', 'IconBrandLinkedin'),
    annualRevenue: field('CURRENCY', 'Annual Revenue', 'IconMoneybag'),
    people: oneToMany('People', 'IconUsers', 'person', 'company'),
    accountOwner: manyToOne('Account Owner', 'IconUserCircle', 'workspaceMember', 'accountOwnerForCompanies'),
    opportunities: oneToMany('Opportunities', 'IconTargetArrow', 'opportunity', 'company'),
    ...targetRelations('targetCompany'),
  },
};

// Fields: .../utils/field-metadata/compute-person-standard-flat-field-metadata.util.ts (i18nLabel version; no `city`).
const person: HandObject = {
  namePlural: 'people',
  labelSingular: 'Person',
  labelPlural: 'People',
  icon: 'IconUser',
  isSystem: false,
  labelIdentifierFieldName: 'name',
  fields: {
    name: field('FULL_NAME', 'Name', 'IconUser'),
    emails: field('EMAILS', 'Emails', 'IconMail'),
    linkedinLink: field('LINKS', 'Linkedin', 'IconBrandLinkedin'),
    jobTitle: field('TEXT', 'Job Title', 'IconBriefcase'),
    phones: field('PHONES', 'Phones', 'IconPhone'),
    avatarUrl: field('TEXT', 'Avatar', 'IconFileUpload', { isSystem: true }),
    avatarFile: field('FILES', 'Avatar File', 'IconFileUpload', { isSystem: true }),
    company: manyToOne('Company', 'IconBuildingSkyscraper', 'company', 'people'),
    pointOfContactForOpportunities: oneToMany('Opportunities', 'IconTargetArrow', 'opportunity', 'pointOfContact'),
    ...targetRelations('targetPerson'),
    messageParticipants: oneToMany('Message Participants', 'IconUserCircle', 'messageParticipant', 'person'),
    calendarEventParticipants: oneToMany('Calendar Event Participants', 'IconCalendar', 'calendarEventParticipant', 'person'),
    timelineActivities: oneToMany('Events', 'IconTimelineEvent', 'timelineActivity', 'targetPerson'),
    listMemberships: oneToMany('Lists', 'IconUsersGroup', 'messageListMember', 'person'),
  },
};

// Fields: .../utils/field-metadata/compute-opportunity-standard-flat-field-metadata.util.ts
const opportunity: HandObject = {
  namePlural: 'opportunities',
  labelSingular: 'Opportunity',
  labelPlural: 'Opportunities',
  icon: 'IconTargetArrow',
  isSystem: false,
  labelIdentifierFieldName: 'name',
  fields: {
    name: field('TEXT', 'Name', 'IconTargetArrow'),
    amount: field('CURRENCY', 'Amount', 'IconCurrencyDollar'),
    closeDate: field('DATE_TIME', 'Close date', 'IconCalendarEvent'),
    stage: field('SELECT', 'Stage', 'IconProgressCheck', {
      isNullable: false,
      defaultValue: "'NEW'",
      options: options([
        ['NEW', 'New', 'red'],
        ['SCREENING', 'Screening', 'purple'],
        ['MEETING', 'Meeting', 'sky'],
        ['PROPOSAL', 'Proposal', 'turquoise'],
        ['CUSTOMER', 'Customer', 'yellow'],
      ]),
    }),
    pointOfContact: manyToOne('Point of Contact', 'IconUser', 'person', 'pointOfContactForOpportunities'),
    company: manyToOne('Company', 'IconBuildingSkyscraper', 'company', 'opportunities'),
    owner: manyToOne('Owner', 'IconUserCircle', 'workspaceMember', 'ownedOpportunities'),
    ...targetRelations('targetOpportunity'),
  },
};

export const CRM_OBJECTS: Readonly<Record<string, HandObject>> = { company, person, opportunity };
