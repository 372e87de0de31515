// Twenty's permission flags: the keys upsertPermissionFlags takes (PermissionFlagType in the
// 2.43 /metadata schema) and the universal identifiers twenty-sdk 2.43.0 gives them
// (SystemPermissionFlag). A role file may name a flag either way; deploy sends the key.
export const PERMISSION_FLAGS = {
  API_KEYS_AND_WEBHOOKS: 'beb99803-9a0e-588d-9c4b-3dd14d9cdf21',
  WORKSPACE: '86a58859-a539-5fa8-ba18-a6aaddc811b6',
  WORKSPACE_MEMBERS: 'ec342166-2df7-53e7-aa9b-64992d6cb35f',
  ROLES: '80f1e5ab-484c-5660-a5a1-0ee7413d8190',
  DATA_MODEL: 'f0c08013-3c9a-5489-bd45-a641fe5f085d',
  SECURITY: '4a8b6016-1d3d-5c94-bbe8-a74c5f32335a',
  WORKFLOWS: '6189e7bd-4051-5752-b6b1-5f31358fbaf1',
  IMPERSONATE: 'dd2274d1-bbd5-551d-bcf2-3147539cef11',
  SSO_BYPASS: '2e9cfdc0-4669-58ab-b241-b6c3c14d96df',
  APPLICATIONS: '9faa55f7-2606-566b-9e1d-aefbedbd0136',
  MARKETPLACE_APPS: '3a37e2f5-d3e4-56d6-b541-adf0237468ff',
  LAYOUTS: '458d1ee5-ba12-5f4e-9d17-6f8c11fcd7fd',
  BILLING: '24b66701-ed97-51e4-aa63-794e1b31414c',
  AI_SETTINGS: 'e8cc4a30-c120-5925-8f5d-73d6a2247fee',
  AI: '1c7f09a7-367d-568b-a0e8-c274eccd6ee3',
  VIEWS: 'c68354c4-535d-53a9-848a-e3a6774b5fb8',
  UPLOAD_FILE: 'dc6931a9-44bd-5164-a983-3db5db837f54',
  DOWNLOAD_FILE: '6edf252f-228e-5e2f-9706-7bab7a796fd3',
  SEND_EMAIL_TOOL: '19f382a8-689d-5792-a18c-737f0ce9025f',
  CREATE_CALENDAR_EVENT_TOOL: '5b8c104e-24d3-4e89-986b-1d9208df6cf4',
  HTTP_REQUEST_TOOL: '1bf49cf1-bb8f-5eb9-809a-5f34ea79fc6a',
  CODE_INTERPRETER_TOOL: '11f31c3a-7042-54b7-a2dd-ae31dd9e9fa2',
  IMPORT_CSV: 'c4912536-a4db-5af9-85ac-be2919c24c5e',
  EXPORT_CSV: '88efced9-ca6d-5316-a695-f1b9158e7370',
  CONNECTED_ACCOUNTS: 'e5f63b2d-5369-5df6-8f32-a8bd9e79e653',
  PROFILE_INFORMATION: '7c13f23f-78d8-5e7d-8963-a7c8772fb4e8',
} as const;

export type PermissionFlagKey = keyof typeof PERMISSION_FLAGS;

/** The key a role file's flag reference names (a key, or its universal identifier). */
export function flagKey(ref: string): PermissionFlagKey | undefined {
  if (ref in PERMISSION_FLAGS) return ref as PermissionFlagKey;
  const lower = ref.toLowerCase();
  return (Object.keys(PERMISSION_FLAGS) as PermissionFlagKey[]).find((k) => PERMISSION_FLAGS[k] === lower);
}
