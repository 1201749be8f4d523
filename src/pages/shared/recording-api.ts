import { browser } from 'wxt/browser';
import type { ExportTimestamp } from '../../core/evidence/timestamp/export-timestamp';
import type { RetentionResult } from '../../core/recording/retention';
import type { RecordingStatus, SessionDetails, StartResult } from '../../core/recording/session';
import { toolIdentity } from '../../core/report/tool';
import type { InstallationKeyView } from './installation-key';
import { sendRequest } from './send-request';

/** Reads and saves how long data outside recorded sessions is kept (the options page). */
export interface RetentionStore {
  load(): Promise<{ days: number }>;
  save(days: number): Promise<RetentionResult>;
}

/** What the popup's recording controls do; a prop, so the component can be driven without a browser. */
export interface RecordingApi {
  status(): Promise<RecordingStatus>;
  start(details: SessionDetails): Promise<StartResult>;
  stop(): Promise<RecordingStatus>;
  /**
   * Builds the session's signed bundle, stamped by the TSA when "Trusted timestamps" is on, and saves
   * it as a download; says its file name, the fingerprint of the key that signed it, and whether it
   * carries a trusted time or why not. The recorder's credentials are redacted unless `includeSecrets`.
   */
  exportBundle(sessionId: string, options?: { includeSecrets?: boolean }): Promise<ExportedBundle>;
}

export interface ExportedBundle {
  fileName: string;
  keyFingerprint: string;
  timestamp: ExportTimestamp;
}

export const recordingApi: RecordingApi = {
  status: () => sendRequest('get-recording', {}),
  start: (details) => sendRequest('start-recording', details),
  stop: () => sendRequest('stop-recording', {}),
  async exportBundle(sessionId, options = {}) {
    // Marks for the export bench (tests/bench/export.bench.ts): each step's end, on this page's timeline.
    performance.mark('export:start');
    // Loaded on demand: the bundle builder and the database are not what opening the popup should wait for.
    const modules = Promise.all([
      import('./export-session'),
      import('../../stores/inspector-database'),
      import('../../stores/settings-store'),
      import('./timestamp-export'),
    ]);
    // Meanwhile the background stores and chains what it still holds; then this page reads the session
    // itself, because a bundle of many megabytes cannot travel as a message.
    const [, [{ exportSessionBundle }, { InspectorDatabase }, { EngineSettings }, { timestampPlan }]] =
      await Promise.all([sendRequest('settle-recording', {}), modules]);
    performance.mark('export:settled');
    const plan = await timestampPlan();
    const db = new InspectorDatabase();
    try {
      const bundle = await exportSessionBundle(db, sessionId, {
        tool: toolIdentity(browser.runtime.getManifest().version),
        engine: await new EngineSettings().get(),
        includeSecrets: options.includeSecrets === true,
        onStep: (step) => performance.mark(`export:${step}`),
        ...(plan.stamp && { stamp: plan.stamp }),
      });
      saveDownload(bundle.zip, bundle.fileName);
      performance.mark('export:download');
      return {
        fileName: bundle.fileName,
        keyFingerprint: bundle.manifest.publicKey.fingerprint,
        timestamp: plan.outcome(bundle.timestamp),
      };
    } finally {
      db.close();
    }
  },
};

/** A download without the "downloads" permission: a blob URL and an <a download> in this page. */
function saveDownload(bytes: Uint8Array<ArrayBuffer>, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the blob once the download started; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The installation's public key and fingerprint, made on first need: the options page shows them. */
export async function loadInstallationKey(): Promise<InstallationKeyView> {
  const [{ describeInstallationKey }, { InspectorDatabase }] = await Promise.all([
    import('./installation-key'),
    import('../../stores/inspector-database'),
  ]);
  const db = new InspectorDatabase();
  try {
    return await describeInstallationKey(db);
  } finally {
    db.close();
  }
}

/** The options page's retention setting, kept and applied by the background. */
export const retentionStore: RetentionStore = {
  load: () => sendRequest('get-retention', {}),
  save: (days) => sendRequest('set-retention', { days }),
};
