import type { PageVisit } from '../observations/observation';
import type { Report } from '../report/report-types';
import type { Sha256Hex } from './digests';
import { type ChainEntry, EMPTY_CHAIN, extendChain, GENESIS_HASH } from './hash-chain';
import { redactSecrets } from './redact-secrets';
import { REDACTION_ALGORITHM, REDACTION_SCHEME, type SecretsHandling } from './redaction-scheme';

export interface ChainedLog {
  report: Report;
  pages: readonly PageVisit[];
  entries: readonly ChainEntry[];
  observationTexts?: readonly string[];
}

export interface RedactedLog extends ChainedLog {
  secrets: SecretsHandling;
}

/**
 * A recorded chain with the recorder's credentials redacted, ready for a
 * bundle. The recorded chain hashes the observations as they were seen, so
 * once a value in one is replaced its hash no longer fits: the redacted
 * observations are chained anew, from entry 0 (the bundle's chain is then
 * the chain of what it holds, and verifies as any other), and the signed
 * manifest keeps the head of the chain as recorded, which the exporter's own
 * copy still reproduces. With nothing to redact the recorded chain is kept.
 */
export function redactChainedLog(
  log: ChainedLog,
  bundleKey: Uint8Array,
  keyId: string,
  sha256Hex?: Sha256Hex,
): RedactedLog {
  const redaction = redactSecrets(
    log.entries.map((e) => e.observation),
    log.pages,
    bundleKey,
    log.observationTexts,
  );
  const handling: SecretsHandling = {
    scheme: REDACTION_SCHEME,
    handling: 'redacted',
    algorithm: REDACTION_ALGORITHM,
    values: redaction.summary.values,
    observations: redaction.summary.observations,
    keyId,
  };
  if (redaction.summary.values === 0) return { ...log, secrets: handling };
  // An observation the redaction left as it was keeps the text its recorded entry hashed.
  const recordedTexts = log.observationTexts;
  const knownTexts = recordedTexts
    ? redaction.observations.map((o, i) => (o === log.entries[i]?.observation ? recordedTexts[i] : undefined))
    : undefined;
  const { entries, observationTexts } = extendChain(
    EMPTY_CHAIN,
    redaction.observations,
    sha256Hex,
    knownTexts,
  );
  return {
    report: redaction.redactReport(log.report),
    pages: redaction.pages,
    entries,
    observationTexts,
    secrets: {
      ...handling,
      recordedChain: { length: log.entries.length, head: log.entries.at(-1)?.hash ?? GENESIS_HASH },
    },
  };
}

/** What a bundle that keeps the credentials, as asked, says of them. */
export const SECRETS_INCLUDED: SecretsHandling = { scheme: REDACTION_SCHEME, handling: 'included' };
