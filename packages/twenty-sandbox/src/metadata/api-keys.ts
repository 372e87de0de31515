// API keys with a role on /metadata, as Twenty 2.43 serves them (api-key resolver; docs/twenty-facts.md
// "Roles and permissions"): a key carries its role's permissions on /graphql (server/http.ts).
import { randomUUID } from 'node:crypto';
import { forbiddenError, notFoundError } from '../server/twenty-errors.ts';
import { roleDto, roleOrThrow, roleStore, type ApiKeyRow } from './roles.ts';
import type { Workspace } from '../state/workspace.ts';

type Input = Record<string, unknown>;
type Resolver = (args: Input, ws: Workspace) => unknown;

export const API_KEY_MUTATIONS: Record<string, Resolver> = {
  createApiKey: (a, ws) => {
    const s = roleStore(ws);
    const input = (a.input ?? {}) as Input;
    const role = roleOrThrow(s, input.roleId);
    if (!role.settings.canBeAssignedToApiKeys) throw forbiddenError('Role cannot be assigned to API keys');
    const now = new Date().toISOString();
    const key: ApiKeyRow = {
      id: randomUUID(),
      name: String(input.name ?? ''),
      expiresAt: String(input.expiresAt ?? now),
      revokedAt: null,
      createdAt: now,
      roleId: role.id,
    };
    s.apiKeys.set(key.id, key);
    return apiKeyDto(ws, key);
  },
  generateApiKeyToken: (a, ws) => {
    const s = roleStore(ws);
    const key = s.apiKeys.get(String(a.apiKeyId));
    if (!key) throw notFoundError('API key not found');
    const token = `sandbox-api-key-${randomUUID()}`;
    s.tokens.set(token, key.id);
    return { token };
  },
  assignRoleToApiKey: (a, ws) => {
    const s = roleStore(ws);
    const key = s.apiKeys.get(String(a.apiKeyId));
    if (!key) throw notFoundError('API key not found');
    const role = roleOrThrow(s, a.roleId);
    if (!role.settings.canBeAssignedToApiKeys) throw forbiddenError('Role cannot be assigned to API keys');
    key.roleId = role.id;
    return true;
  },
};

function apiKeyDto(ws: Workspace, k: ApiKeyRow): Record<string, unknown> {
  return {
    id: k.id,
    name: k.name,
    expiresAt: k.expiresAt,
    revokedAt: k.revokedAt,
    createdAt: k.createdAt,
    updatedAt: k.createdAt,
    role: roleDto(ws, roleStore(ws).roles.get(k.roleId)!),
  };
}
