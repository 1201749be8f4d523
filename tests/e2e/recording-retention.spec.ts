import { inInspector } from '../../src/harness/in-inspector';
import { cookieObservation } from '../support/observations';
import { expect, liveWorker, openExtensionPage, test } from './fixtures';
import { storedObservations } from './recording-support';

const DAY = 24 * 60 * 60 * 1000;

test('the retention set in options deletes older data outside sessions at once, and keeps session data', async ({
  extension,
}) => {
  const worker = await liveWorker(extension.context);
  const now = Date.now();
  // Inside the default 30 days (applied when the worker starts), outside the 1 day set below.
  const old = (id: string) => cookieObservation({ id, visitId: 'v-old', observedAt: now - 20 * DAY });
  const outside = [old('old-1'), old('old-2'), old('old-3')];
  const chained = old('old-in-session');
  const recent = cookieObservation({ id: 'recent', visitId: 'v-new', observedAt: now - DAY / 2 });
  await inInspector(
    worker,
    async (inspector, { outside, chained, recent }) => {
      await inspector.record([...outside, recent]);
      await inspector.recorder.start({ caseName: 'Kept', auditorName: 'A', notes: '' });
      await inspector.record([chained]);
      await inspector.recorder.stop();
    },
    { outside, chained, recent },
  );

  const options = await openExtensionPage(extension, 'options.html');
  await expect(options.getByTestId('retention-days')).toHaveValue('30');
  await options.getByTestId('retention-days').fill('1');
  await options.getByTestId('save-retention').click();
  await expect(options.getByTestId('retention-status')).toHaveText(
    'Kept for 1 days; 3 older observations deleted',
  );
  const ids = (await storedObservations(worker)).map((o) => o.id);
  expect(ids).toEqual(expect.arrayContaining(['old-in-session', 'recent']));
  expect(ids.filter((id) => id.startsWith('old-') && id !== 'old-in-session')).toEqual([]);
  // The setting stays.
  await options.reload();
  await expect(options.getByTestId('retention-days')).toHaveValue('1');
});
