// Stored metadata rows → the GraphQL output shapes of the 2.43.0 /metadata
// schema (Object, Field, View, View* rows), filling the columns the sandbox does
// not model with Twenty's defaults.
import type { FieldMeta, ObjectMeta, ViewChildRow, ViewRow } from '../state/types.ts';
import type { Workspace } from '../state/workspace.ts';
import { roleDto, roleStore } from './roles.ts';
import { enterpriseWorkspaceFields } from './row-level.ts';

export interface ObjectDto extends ObjectMeta {
  isUIEditable: boolean;
  isUICreatable: boolean;
  isUIReadOnly: boolean;
  readability: string;
  writability: string;
  readabilityParentFieldUniversalIdentifiers: null;
  duplicateCriteria: null;
}

export function objectDto(o: ObjectMeta): ObjectDto {
  return {
    ...o,
    isUIEditable: true,
    isUICreatable: true,
    isUIReadOnly: false,
    readability: 'OPEN',
    writability: 'OPEN',
    readabilityParentFieldUniversalIdentifiers: null,
    duplicateCriteria: null,
  };
}

export function fieldDto(f: FieldMeta): Record<string, unknown> {
  return {
    ...f,
    isUIEditable: !f.isUIReadOnly,
    writability: 'OPEN',
    isSearchable: false,
    isAuditLogged: true,
    morphId: null,
  };
}

export function viewDto(ws: Workspace, v: ViewRow): Record<string, unknown> {
  return { ...v, workspaceId: ws.workspaceId, isSystemSideEffect: false, createdByUserWorkspaceId: null, isActive: true };
}

export function viewChildDto(ws: Workspace, row: ViewChildRow): Record<string, unknown> {
  return {
    universalIdentifier: row.id,
    applicationId: ws.customApplicationId,
    isSystemSideEffect: false,
    isActive: true,
    isOverridden: false,
    ...row,
    workspaceId: ws.workspaceId,
  };
}

/** currentWorkspace: the identifiers a client reads (workspaceCustomApplicationId), other columns at neutral defaults. */
export function workspaceDto(ws: Workspace): Record<string, unknown> {
  const at = new Date(0).toISOString();
  return {
    id: ws.workspaceId,
    displayName: 'Sandbox',
    createdAt: at,
    updatedAt: at,
    allowImpersonation: false,
    isPublicInviteLinkEnabled: false,
    workspaceDiscoverability: 'HIDDEN',
    trashRetentionDays: 14,
    eventLogRetentionDays: 90,
    activationStatus: 'ACTIVE',
    metadataVersion: ws.metadataVersion,
    subdomain: 'sandbox',
    isGoogleAuthEnabled: false,
    isGoogleAuthBypassEnabled: false,
    isTwoFactorAuthenticationEnforced: false,
    isPasswordAuthEnabled: true,
    isPasswordAuthBypassEnabled: false,
    isMicrosoftAuthEnabled: false,
    isMicrosoftAuthBypassEnabled: false,
    isCustomDomainEnabled: false,
    isInternalMessagesImportEnabled: false,
    aiChatModelTier: 'balanced',
    aiAgentModelTier: 'balanced',
    isAutoModelSelectionEnabled: false,
    aiModelIdByTier: {},
    billingSubscriptions: [],
    installedApplications: [],
    ...enterpriseWorkspaceFields(ws),
    workspaceUrls: { customUrl: null, subdomainUrl: 'http://127.0.0.1' },
    workspaceCustomApplicationId: ws.customApplicationId,
    // The role new members get; deploy never prunes it (src/deploy/roles-read.ts).
    defaultRole: roleDto(ws, roleStore(ws).roles.get(roleStore(ws).defaultRoleId)!),
  };
}
