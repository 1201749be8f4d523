import type { Manifest } from '../core/evidence/manifest';
import { groupFingerprint } from '../core/evidence/signing';
import type { TimestampVerdict } from '../core/evidence/timestamp/bundle-timestamp';
import type { BundleProblem, BundleVerdict, SignerCheck } from '../core/evidence/verify-bundle';

/** What the signer line adds, by whether the key was checked against the fingerprint given. */
const SIGNER_CHECK: Record<SignerCheck, string> = {
  matches: '  (the fingerprint you gave: the auditor you got it from signed this bundle)',
  differs: '  NOT the fingerprint you gave: someone else signed this bundle.',
  'not-checked':
    '  NOT CHECKED against a trusted fingerprint: none was given. The bundle carries this key itself, so anyone can sign a forged bundle with a key of their own. Compare it with the fingerprint the auditor gave you, or run again with --fingerprint.',
};

/**
 * The verdict for a person: the status first, then each problem with where
 * it is, and always the signing key's fingerprint, with whether it was the
 * one given.
 */
export function formatVerification(path: string, verdict: BundleVerdict): string {
  const lines = [`Bundle: ${path}`];
  const { manifest, signer } = verdict;
  if (verdict.status === 'intact' && manifest) {
    const unchecked = [
      ...(signer?.check === 'matches' ? [] : ['SIGNER']),
      ...(verdict.timestamp && verdict.timestamp.trust !== 'trusted' ? ['TIMESTAMP'] : []),
    ];
    lines.push(
      `${unchecked.length === 0 ? 'INTACT' : `INTACT, ${unchecked.join(' AND ')} NOT CHECKED`}: every file matches the signed manifest, the ${manifest.chain.length} chained observations end in the signed head, and the seal over the zip holds.`,
    );
  } else {
    const count = verdict.problems.length === 1 ? '1 problem' : `${verdict.problems.length} problems`;
    // Times that contradict the stamp may be a clock running ahead, not a changed byte: said as such.
    const only = (kind: BundleProblem['kind']) => verdict.problems.every((p) => p.kind === kind);
    // A bundle whole under its own key, only not the key given, may be a forgery or a mistyped
    // fingerprint: nothing in it was changed after signing, so it is not called tampered.
    const otherSigner = signer?.check === 'differs' && verdict.problems.length === 1 && only('public-key');
    const headline = only('clock')
      ? 'TIMES CONTRADICT THE TIMESTAMP'
      : only('timestamp')
        ? 'TIMESTAMP NOT TRUSTED'
        : otherSigner
          ? 'SIGNED BY ANOTHER KEY'
          : verdict.status.toUpperCase();
    lines.push(`${headline}: ${count}`);
    for (const problem of verdict.problems) lines.push(`  - ${describeProblem(problem)}`);
    if (otherSigner)
      lines.push(
        "  Every file, the chain and the seal hold under the key the bundle carries, which is not the one you gave: someone else made or re-signed it, or the fingerprint you have is not the auditor's (check it for a typo).",
      );
  }
  if (signer) lines.push(`Signed by key ${groupFingerprint(signer.fingerprint)}`, SIGNER_CHECK[signer.check]);
  if (verdict.timestamp) lines.push(...describeTimestamp(verdict.timestamp));
  else if (manifest && verdict.status !== 'unreadable')
    lines.push(
      "Timestamp: none. The times in the bundle are the recorder's own word (audit --tsa stamps one).",
    );
  if (manifest) {
    lines.push(
      `Created ${manifest.created} by ${manifest.tool.name} ${manifest.tool.version}; policy ${manifest.policy.id} ${manifest.policy.version}, rule set ${manifest.ruleSetVersion}`,
      `Files: ${manifest.files.map((f) => `${f.path} (${f.bytes} bytes)`).join(', ')}`,
    );
    const secrets = describeSecrets(manifest);
    if (secrets) lines.push(secrets);
  }
  return lines.join('\n');
}

/** The trusted time, beside the latest time the recorder wrote, and how far it was checked. */
function describeTimestamp(stamp: TimestampVerdict): string[] {
  const recorded = stamp.latestRecorded
    ? [
        `  The recorder's latest time in the bundle: ${stamp.latestRecorded.time} (${stamp.latestRecorded.what})${afterStamp(stamp)}.`,
      ]
    : [];
  if (stamp.trust === 'missing') {
    return [
      'Timestamp: NONE. --tsa-cert was given, but the bundle carries no timestamp token (timestamp.tst).',
      ...recorded,
    ];
  }
  const when = `${stamp.time}${stamp.accuracyMs ? ` (±${stamp.accuracyMs / 1000} s)` : ''}`;
  const who = `${stamp.tsa ?? 'an unnamed TSA'}, token serial ${stamp.serial}`;
  const head: Record<Exclude<TimestampVerdict['trust'], 'missing'>, string> = {
    trusted: `Trusted time: ${when}, stamped by ${who}, a TSA the certificates you gave vouch for.`,
    'not-checked': `Timestamp: ${when}, stamped by ${who}. Its signature holds over this manifest, but the TSA is NOT CHECKED: give its certificate with --tsa-cert.`,
    untrusted: `Timestamp: NOT TRUSTED (${when} by ${who}): see the problems above.`,
  };
  return [head[stamp.trust], ...recorded];
}

/** For a recorded time after the stamp that the check allowed: by how much, and why that is no contradiction. */
function afterStamp(stamp: TimestampVerdict): string {
  if (!stamp.time || !stamp.latestRecorded || stamp.trust === 'untrusted') return '';
  const after = Date.parse(stamp.latestRecorded.time) - Date.parse(stamp.time);
  if (!(after > 0)) return '';
  const accuracy = stamp.accuracyMs ? `its ±${stamp.accuracyMs / 1000} s accuracy and ` : '';
  return `, ${(after / 1000).toFixed(3)} s after the stamp: within ${accuracy}the 1 s allowed for TSAs that stamp whole seconds`;
}

/** What the signed manifest says the exporter did with the recorder's credentials. */
function describeSecrets({ secrets }: Manifest): string | undefined {
  if (!secrets) return undefined;
  if (secrets.handling === 'included')
    return 'Credentials: kept in clear, as the exporter asked (--include-secrets): this bundle holds a login.';
  const rechained = secrets.recordedChain
    ? `; the redacted observations are chained anew, and the chain as recorded ended in ${secrets.recordedChain.head} after ${secrets.recordedChain.length} entries`
    : '';
  return `Credentials: ${secrets.values ?? 0} values replaced by ${secrets.algorithm ?? 'keyed'} marks, under the exporter's key "${secrets.keyId ?? ''}"${rechained}.`;
}

/** Messages name their file, entry and observation themselves; the tag says what kind of change it is. */
function describeProblem(problem: BundleProblem): string {
  return `[${problem.change ?? problem.kind}] ${problem.message}`;
}
