// pull's reads: check the server, then the workspace's objects, views, roles, the
// application that owns what the API created, and the labels in each other locale; then the files.
import { checkServer, unsupportedServerError, type TwentyClient } from '../twenty/index.ts';
import { pullFiles, type PulledFile } from './pull.ts';
import { readCustomApplicationId, readObjects, readTranslations, readViews } from './read-actual.ts';
import { readRoles } from './roles-read.ts';

export interface PullReadOptions {
  defaultLocale: string;
  /** Every locale of the pack, the default among them. */
  locales: string[];
  /** Set when the folder has no pack.yaml: then one is written under this name. */
  manifestName?: string;
}

/** The workspace's custom objects, fields, views and roles as pack files. Throws TwentyError. */
export async function readPulledFiles(client: TwentyClient, options: PullReadOptions): Promise<PulledFile[]> {
  const caps = await checkServer(client);
  if (!caps.ok) throw unsupportedServerError(caps, client.url);
  const [objects, views, customApplicationId, roles] = await Promise.all([
    readObjects(client),
    readViews(client),
    readCustomApplicationId(client),
    readRoles(client),
  ]);
  await Promise.all(options.locales.filter((l) => l !== options.defaultLocale).map((l) => readTranslations(client, objects, l)));
  return pullFiles(
    { objects, views, records: {}, locales: options.locales },
    {
      customApplicationId: customApplicationId ?? '',
      defaultLocale: options.defaultLocale,
      roles,
      ...(options.manifestName !== undefined ? { manifest: { name: options.manifestName, locales: options.locales } } : {}),
    },
  );
}
