import { dirname, resolve } from 'node:path';
import type { InspectorConfig } from '../core/config/inspector-config-schema';
import {
  InspectorConfigError,
  MAX_CONFIG_BYTES,
  parseInspectorConfig,
} from '../core/config/parse-inspector-config';
import { JEEJIO_POLICY_2023_07 } from '../core/policy/jeejio-policy-2023-07';
import {
  MAX_POLICY_MODEL_BYTES,
  PolicyModelError,
  parsePolicyModel,
} from '../core/policy/parse-policy-model';
import type { PolicyModel } from '../core/policy/policy-model';
import { UsageError } from '../harness/usage-error';
import { readBoundedFile } from './read-bounded-file';

export interface LoadedConfig {
  config: InspectorConfig;
  /** The config's own policy model; absent when it uses the built-in one. */
  policy?: PolicyModel;
}

/**
 * Reads inspector.config.json and the policy model it names (relative to the
 * config file), validating both. Every problem is a usage error naming the
 * file, so CI stops with exit 2 before a browser is started.
 */
export async function loadAuditConfig(path: string): Promise<LoadedConfig> {
  let config: InspectorConfig;
  try {
    config = parseInspectorConfig(await readBoundedFile(path, MAX_CONFIG_BYTES, 'config'));
  } catch (error) {
    if (error instanceof InspectorConfigError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
  let policy: PolicyModel | undefined;
  if (config.policyModel !== undefined) {
    const modelPath = resolve(dirname(path), config.policyModel);
    try {
      policy = parsePolicyModel(await readBoundedFile(modelPath, MAX_POLICY_MODEL_BYTES, 'policy model'));
    } catch (error) {
      if (error instanceof PolicyModelError) throw new UsageError(`${modelPath}: ${error.message}`);
      throw error;
    }
  }
  // A baseline naming a rule the policy lacks can never match: most likely a typo, so say so now.
  const ruleIds = new Set((policy ?? JEEJIO_POLICY_2023_07).rules.map((r) => r.id));
  const unknown = config.baselines.flatMap((b, i) =>
    ruleIds.has(b.rule) ? [] : [`baselines.${i}.rule "${b.rule}"`],
  );
  if (unknown.length > 0) {
    throw new UsageError(
      `${path}: ${unknown.join(', ')}: the policy model has no such rule (it has ${[...ruleIds].join(', ')}).`,
    );
  }
  return { config, ...(policy && { policy }) };
}
