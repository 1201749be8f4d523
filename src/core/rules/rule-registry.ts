import type { RuleType } from '../policy/policy-model-schema';
import { beaconOverCollection } from './beacon-over-collection';
import { fingerprinting } from './fingerprinting';
import { identifiableStatistics } from './identifiable-statistics';
import { identifierRespawned } from './identifier-respawned';
import { loginCookieInsecure } from './login-cookie-insecure';
import { plainHttp } from './plain-http';
import { policyDrift } from './policy-drift';
import { retentionTooLong } from './retention-too-long';
import type { RuleImplementation } from './rule';
import { sensitiveInClear } from './sensitive-in-clear';
import { storageUndeclaredPurpose } from './storage-undeclared-purpose';
import { thirdPartyDisclosure } from './third-party-disclosure';
import { thirdPartyRecipient } from './third-party-recipient';
import { undeclaredHitPurpose } from './undeclared-hit-purpose';
import { undeclaredPurpose } from './undeclared-purpose';

/** Bumped whenever a rule is added or changes its verdicts. */
export const RULE_SET_VERSION = '6';

/** Every rule type a policy model may bind, to its implementation. */
export const RULE_IMPLEMENTATIONS: Record<RuleType, RuleImplementation> = {
  'undeclared-purpose': undeclaredPurpose,
  'storage-undeclared-purpose': storageUndeclaredPurpose,
  'sensitive-in-clear': sensitiveInClear,
  'login-cookie-insecure': loginCookieInsecure,
  'plain-http': plainHttp,
  'third-party-recipient': thirdPartyRecipient,
  'third-party-disclosure': thirdPartyDisclosure,
  'identifiable-statistics': identifiableStatistics,
  'beacon-over-collection': beaconOverCollection,
  'identifier-respawned': identifierRespawned,
  'retention-too-long': retentionTooLong,
  'policy-drift': policyDrift,
  fingerprinting,
  'undeclared-hit-purpose': undeclaredHitPurpose,
};
