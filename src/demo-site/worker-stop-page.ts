import { type Handler, jsLiteral, sendHtml } from './respond.js';

/**
 * A page that makes a known, numbered set of page claims over about 1.5 s, for
 * stopping the inspector's worker in the middle (tests/e2e/worker-stop-loss.spec.ts):
 * each step writes the cookie `wsl_<k>` through `document.cookie` and the
 * localStorage key `wsl_<k>`, both with the value `run-<run>`, so every run's
 * facts are told apart from an earlier run's. Each write makes the content
 * script read the storage again, so readings are in flight as well.
 */
export const WORKER_STOP_URL = 'https://www.jeejio.com/worker-stop';
export const WORKER_STOP_STEPS = 30;
const STEP_MS = 50;

/** The page for one run; `run` goes into every value it writes. */
export function workerStopPageUrl(run: number): string {
  return `${WORKER_STOP_URL}?run=${run}`;
}

const workerStop: Handler = ({ res, url }) => {
  const run = Number.parseInt(url.searchParams.get('run') ?? '0', 10) || 0;
  sendHtml(res, {
    title: 'Jeejio — claims while the worker stops',
    intro:
      `Writes ${WORKER_STOP_STEPS} cookies through document.cookie and as many localStorage keys, ` +
      `one of each every ${STEP_MS} ms, then sets window.claimsDone.`,
    body: `<p id="progress">0</p>
<script>
const value = ${jsLiteral(`run-${run}`)};
let k = 0;
const step = () => {
  document.cookie = 'wsl_' + k + '=' + value + '; Path=/; Max-Age=600';
  localStorage.setItem('wsl_' + k, value);
  document.getElementById('progress').textContent = String(++k);
  if (k < ${WORKER_STOP_STEPS}) setTimeout(step, ${STEP_MS});
  else window.claimsDone = true;
};
step();
</script>`,
  });
};

export const WORKER_STOP_ROUTES: ReadonlyArray<[string, Handler]> = [
  ['www.jeejio.com/worker-stop', workerStop],
];
