import type { PolicyModel } from '../policy/policy-model';

/** Where a session was recorded, as the browser and the extension describe themselves. */
export interface SessionEnvironment {
  extensionName: string;
  extensionVersion: string;
  browserName: string;
  browserVersion: string;
  userAgent: string;
  /** chrome.runtime.getPlatformInfo: os and arch. */
  os: string;
  policyId: string;
  policyVersion: string;
  policySha256: string;
  ruleSetVersion: string;
}

export interface UserAgentBrand {
  brand: string;
  version: string;
}

export interface EnvironmentInput {
  extensionName: string;
  extensionVersion: string;
  userAgent: string;
  /** navigator.userAgentData (Chromium): brands with full versions when the browser gives them. */
  brands?: readonly UserAgentBrand[];
  platform: { os: string; arch: string };
  policy: Pick<PolicyModel, 'id' | 'version' | 'sourceSha256'>;
  ruleSetVersion: string;
}

export function describeEnvironment(input: EnvironmentInput): SessionEnvironment {
  const browser = browserOf(input.userAgent, input.brands ?? []);
  return {
    extensionName: input.extensionName,
    extensionVersion: input.extensionVersion,
    browserName: browser.name,
    browserVersion: browser.version,
    userAgent: input.userAgent,
    os: `${input.platform.os} ${input.platform.arch}`,
    policyId: input.policy.id,
    policyVersion: input.policy.version,
    policySha256: input.policy.sourceSha256,
    ruleSetVersion: input.ruleSetVersion,
  };
}

// Brands a browser lists next to its real name (GREASE entries like "Not A;Brand" are skipped too).
const GENERIC_BRANDS = new Set(['Chromium']);
const USER_AGENT_PATTERNS: readonly [RegExp, string][] = [
  [/\bEdg\/([\d.]+)/, 'Microsoft Edge'],
  [/\bFirefox\/([\d.]+)/, 'Firefox'],
  [/\bHeadlessChrome\/([\d.]+)/, 'HeadlessChrome'],
  [/\bChrome\/([\d.]+)/, 'Chrome'],
];

/**
 * The browser's name and version: from the User-Agent Client Hints brands when
 * there are any (a specific brand before "Chromium"), else from the
 * User-Agent string; "unknown" rather than a guess.
 */
export function browserOf(
  userAgent: string,
  brands: readonly UserAgentBrand[],
): { name: string; version: string } {
  const real = brands.filter((b) => !/not.?a.?brand/i.test(b.brand));
  const chosen = real.find((b) => !GENERIC_BRANDS.has(b.brand)) ?? real[0];
  if (chosen) return { name: chosen.brand, version: chosen.version };
  for (const [pattern, name] of USER_AGENT_PATTERNS) {
    const version = pattern.exec(userAgent)?.[1];
    if (version) return { name, version };
  }
  return { name: 'unknown', version: 'unknown' };
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/**
 * The flat string record a bundle manifest carries: the environment, the
 * auditor's own fields and the recording's start and stop times in UTC.
 */
export function manifestEnvironment(session: {
  caseName: string;
  auditorName: string;
  notes: string;
  startedAt: number;
  stoppedAt: number | null;
  status: string;
  environment: SessionEnvironment;
}): Record<string, string> {
  return {
    ...session.environment,
    caseName: session.caseName,
    auditorName: session.auditorName,
    notes: session.notes,
    recordingStartedAt: iso(session.startedAt),
    recordingStoppedAt: session.stoppedAt === null ? 'still recording at export' : iso(session.stoppedAt),
    recordingStatus: session.status,
  };
}
