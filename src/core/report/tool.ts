/** What made a report or a bundle: the name is fixed here, the version is the build's own (its manifest). */
export interface ToolIdentity {
  name: string;
  version: string;
}

/** The one place that names the tool; the extension's IndexedDB and every report carry it. */
export const TOOL_NAME = 'jeejio-privacy-inspector';

export function toolIdentity(version: string): ToolIdentity {
  return { name: TOOL_NAME, version };
}
