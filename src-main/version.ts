import packageJson from '../package.json';

/** Roster's version from package.json, recorded in every snapshot and report. */
export const TOOL_VERSION: string = packageJson.version;
