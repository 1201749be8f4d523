import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { unzipSync } from 'fflate';
import { OBSERVATIONS_FILE } from '../../src/core/evidence/bundle-layout';
import type { Manifest } from '../../src/core/evidence/manifest';
import { readObservationsFile } from '../../src/core/evidence/observations-file';
import type { Observation } from '../../src/core/observations/observation';
import type { RecordingStatus } from '../../src/core/recording/session';
import type { ChainSegment } from '../../src/core/recording/session-chain';
import { inInspector } from '../../src/harness/in-inspector';
import type { ObservationBatch } from '../../src/stores/observation-store';
import { expect, test, visit } from './fixtures';

/** Rows of one table of the extension's IndexedDB, read in the worker with the plain IndexedDB API. */
export async function storedRows<T>(worker: Worker, table: string): Promise<T[]> {
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('jeejio-privacy-inspector');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          // A store this build does not have throws here: reject rather than leave the caller waiting.
          let request: IDBRequest;
          try {
            request = open.result.transaction(name).objectStore(name).getAll();
          } catch (error) {
            open.result.close();
            reject(error);
            return;
          }
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** The recorder's status, read in the worker; `settle` first stores and chains what the worker holds. */
export function recorderStatus(
  worker: Worker,
  how: 'status' | 'settle' = 'status',
): Promise<RecordingStatus> {
  return inInspector(worker, (inspector, how) => inspector.recorder[how](), how);
}

/** Every observation the extension has stored, read from its batches. */
export async function storedObservations(worker: Worker): Promise<Observation[]> {
  return (await storedRows<ObservationBatch>(worker, 'observationBatches')).flatMap((b) => b.observations);
}

/** The observation ids of every stored chain segment, in chain order, with each entry's position. */
export async function chainedEntries(worker: Worker): Promise<{ seq: number; observationId: string }[]> {
  const segments = await storedRows<ChainSegment>(worker, 'chainSegments');
  return segments
    .sort((a, b) => a.sessionId.localeCompare(b.sessionId) || a.firstSeq - b.firstSeq)
    .flatMap((s) => s.entries.map((e, i) => ({ seq: s.firstSeq + i, observationId: e.observationId })));
}

/** Opens the popup's recording controls and starts a session. */
export async function startRecording(popup: Page, caseName: string): Promise<void> {
  await popup.getByTestId('recording').locator('summary').click();
  await popup.getByTestId('recording-case').fill(caseName);
  await popup.getByTestId('recording-auditor').fill('Test Auditor');
  await popup.getByTestId('recording-notes').fill('Recorded by the end-to-end tests');
  await popup.getByTestId('start-recording').click();
  await expect(popup.getByTestId('recording-state')).toContainText(`Recording “${caseName}”`);
}

/**
 * Records one session from the popup while `page` loads `url`, and stops it,
 * in whatever language the popup speaks; the popup is left as opened afresh.
 */
export async function recordSession(popup: Page, page: Page, caseName: string, url: string): Promise<void> {
  await popup.getByTestId('recording').locator('summary').click();
  await popup.getByTestId('recording-case').fill(caseName);
  await popup.getByTestId('recording-auditor').fill('Test Auditor');
  await popup.getByTestId('recording-notes').fill('Recorded by the end-to-end tests');
  await popup.getByTestId('start-recording').click();
  await expect(popup.getByTestId('stop-recording')).toBeVisible();
  await page.bringToFront();
  await visit(page, url);
  await page.waitForTimeout(2_500);
  await popup.bringToFront();
  await popup.reload();
  // The case named, and some observations chained: the number is the first after the name in both languages.
  await expect(popup.getByTestId('recording-state')).toContainText(new RegExp(`“${caseName}”\\D*[1-9]`));
  await popup.getByTestId('stop-recording').click();
  await expect(popup.getByTestId('start-recording')).toBeVisible();
  await popup.reload();
}

/** Clicks "Export evidence bundle" and saves the download; returns its path and contents. */
export async function exportFromPopup(popup: Page, name: string) {
  const download = popup.waitForEvent('download', { timeout: 60_000 });
  await popup.getByTestId('export-evidence').click();
  const status = popup.getByTestId('recording-status');
  await expect(status).toContainText(/Saved|Could not/, { timeout: 60_000 });
  await expect(status).toContainText('Saved evidence-');
  await expect(status).toContainText('to your browser’s download folder');
  // How to check it: the verify command, naming the file and the key that signed it.
  await expect(popup.getByTestId('verify-hint')).toContainText(
    /npx jeejio-privacy-inspector verify evidence-\S+\.zip --fingerprint [0-9a-f]{64}/,
  );
  await expect(popup.getByTestId('verify-hint')).toContainText(
    ` verify ${(await download).suggestedFilename()} --`,
  );
  const file = join(test.info().outputDir, name);
  await (await download).saveAs(file);
  const zip = await readFile(file);
  const files = unzipSync(zip);
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest;
  const observations = readObservationsFile(files[OBSERVATIONS_FILE] ?? new Uint8Array());
  if ('error' in observations) throw new Error(`${OBSERVATIONS_FILE} ${observations.error}`);
  const entries = observations.entries as { seq: number; observation: { id: string } }[];
  return { file, zip, files, manifest, entries };
}
