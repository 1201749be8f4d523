import {
  type Bundle,
  type BundleInput,
  type BundleStep,
  buildBundle,
  type Screenshot,
} from '../../core/evidence/build-bundle';
import { sha256HexOfBytes } from '../../core/evidence/digests';
import { evidenceCompleteField } from '../../core/evidence/evidence-complete';
import { type RedactedLog, redactChainedLog, SECRETS_INCLUDED } from '../../core/evidence/redact-chain';
import { manifestEnvironment } from '../../core/recording/environment';
import { screenshotFileName } from '../../core/recording/screenshot-files';
import { isIncomplete, MAX_LISTED_WARNINGS } from '../../core/recording/session';
import type { RuleContextOptions } from '../../core/rules/rule-context';
import type { InspectorDatabase } from '../../stores/inspector-database';
import { bundleRedactionKey, installationKeys } from './installation-key';
import { readSession, reportOfSession } from './session-report';

export interface SessionBundle extends Bundle {
  fileName: string;
}

/** The steps of an export, in order: the session read, its report, its screenshots checked, redaction, then the bundle's. */
export type ExportStep = 'read' | 'report' | 'screenshots' | 'redaction' | BundleStep;

/**
 * A session's evidence bundle: its observations in chain order, the pages
 * they were seen on, its screenshots and the report built from them, signed
 * with the installation's key. Everything is read in one transaction (see
 * readSession), so a session still recording is exported as it stood at one moment.
 */
export async function exportSessionBundle(
  db: InspectorDatabase,
  sessionId: string,
  options: {
    tool: { name: string; version: string };
    engine: RuleContextOptions;
    now?: Date;
    /** Keep the recorder's credentials in clear; by default they are redacted (see redact-chain.ts). */
    includeSecrets?: boolean;
    /** Told as each step ends, so a caller can time them. */
    onStep?: (step: ExportStep) => void;
    /** Has a TSA stamp the manifest (the "Trusted timestamps" setting); without it nothing is sent. */
    stamp?: BundleInput['stamp'];
  },
): Promise<SessionBundle> {
  const step = options.onStep ?? (() => {});
  const { session, entries, texts, pages, shots, warnings } = await readSession(db, sessionId);
  step('read');
  const now = options.now ?? new Date();
  const report = reportOfSession({ entries, pages }, { tool: options.tool, engine: options.engine, now });
  step('report');
  const screenshots: Screenshot[] = shots.map((shot, i) => ({
    name: screenshotFileName(shot, i),
    bytes: shot.png,
  }));
  // Each capture's hash was taken as it was stored: a picture changed since cannot be vouched for.
  const hashes = await Promise.all(shots.map((shot) => sha256HexOfBytes(shot.png)));
  const altered = screenshots.filter((_, i) => hashes[i] !== shots[i]?.sha256).map((s) => s.name);
  if (altered.length > 0)
    throw new Error(`Screenshots changed since they were taken: ${altered.join(', ')}. No bundle was made.`);
  step('screenshots');
  const log = { report, pages, entries, ...(texts && { observationTexts: texts }) };
  // The installation derives this bundle's key again from the session and the time it names.
  const keyId = `session ${sessionId} exported ${now.toISOString()}`;
  const content: RedactedLog = options.includeSecrets
    ? { ...log, secrets: SECRETS_INCLUDED }
    : redactChainedLog(log, await bundleRedactionKey(db, keyId), keyId);
  step('redaction');
  const bundle = await buildBundle({
    ...content,
    screenshots,
    environment: {
      ...manifestEnvironment(session),
      evidenceComplete: evidenceCompleteField(
        report,
        isIncomplete(session) ? ['recording was paused (storage full)'] : [],
      ),
      warningCount: String(warnings.length),
      warnings: JSON.stringify(
        warnings
          .slice(0, MAX_LISTED_WARNINGS)
          .map(({ at, kind, message }) => ({ at: new Date(at).toISOString(), kind, message })),
      ),
    },
    keys: await installationKeys(db),
    created: now,
    ...(options.stamp && { stamp: options.stamp }),
    onStep: step,
  });
  return { ...bundle, fileName: bundleFileName(session.caseName, now) };
}

/** "evidence-<case>-<UTC time>.zip", with only characters every file system accepts. */
export function bundleFileName(caseName: string, at: Date): string {
  const safeCase =
    caseName
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'session';
  return `evidence-${safeCase}-${at.toISOString().replace(/[:.]/g, '-')}.zip`;
}
