import { browser } from 'wxt/browser';
import { JEEJIO_POLICY_2023_07 } from '../../core/policy/jeejio-policy-2023-07';
import {
  describeEnvironment,
  type SessionEnvironment,
  type UserAgentBrand,
} from '../../core/recording/environment';
import { toolIdentity } from '../../core/report/tool';
import { RULE_SET_VERSION } from '../../core/rules/rule-registry';

interface UserAgentData {
  brands?: UserAgentBrand[];
  getHighEntropyValues?(hints: string[]): Promise<{ fullVersionList?: UserAgentBrand[] }>;
}

/** The environment record of a session, from the browser's own descriptions of itself. */
export async function readEnvironment(): Promise<SessionEnvironment> {
  const platform = await browser.runtime.getPlatformInfo();
  const userAgentData = (navigator as { userAgentData?: UserAgentData }).userAgentData;
  let brands = userAgentData?.brands;
  try {
    // Full versions ("131.0.6778.85") where the browser gives them; the major version otherwise.
    brands = (await userAgentData?.getHighEntropyValues?.(['fullVersionList']))?.fullVersionList ?? brands;
  } catch {
    // Low-entropy brands stay.
  }
  const tool = toolIdentity(browser.runtime.getManifest().version);
  return describeEnvironment({
    extensionName: tool.name,
    extensionVersion: tool.version,
    userAgent: navigator.userAgent,
    ...(brands && { brands }),
    platform: { os: platform.os, arch: platform.arch },
    policy: JEEJIO_POLICY_2023_07,
    ruleSetVersion: RULE_SET_VERSION,
  });
}
