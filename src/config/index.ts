// Front door of the connection settings: URL, key and named profiles.
export { resolveConnection, type Connection, type ConnectionFlags, type ConnectionResult, type ConnectionContext } from './connection.ts';
export { parseProfiles, findProfile, profileFiles, PACK_CONFIG_FILE, type Profile } from './profiles.ts';
export { formatConfigProblem, type ConfigProblem } from './problem.ts';
export { describeSmtp, resolveSmtp } from './smtp.ts';
