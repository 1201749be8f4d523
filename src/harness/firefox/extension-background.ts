import type { InspectorHost } from '../in-inspector';
import { type Packet, type RemoteDebuggingClient, RemoteDebuggingError } from './remote-debugging-client';

/** Where the harness keeps the outcome of an evaluation until it is asked for (the page's own global). */
const RESULTS_GLOBAL = '__inspectorHarnessResults';
const POLL_MS = 10;
/** A long string is read in slices this long (the protocol hands out an actor for anything over 10 kB). */
const SLICE_CHARS = 1_000_000;
const BACKGROUND_TIMEOUT_MS = 15_000;

interface Grip {
  type?: string;
  actor?: string;
  length?: number;
  initial?: string;
}

/**
 * A temporary add-on installed over the Remote Debugging Protocol, and its
 * background page, where code runs as it runs in Chromium's service worker
 * through Playwright: the same `inInspector` reaches both.
 *
 * The console of a page evaluates synchronously, so an evaluation that returns
 * a promise keeps its outcome in a global of the background page, asked for
 * every few milliseconds. A background page Firefox stopped (an event page
 * idles out, or `terminate()`) is started again by its next event; evaluations
 * then go to the new page, as Playwright's go to the new worker.
 */
export class ExtensionBackground implements InspectorHost {
  private consoleActor: string | undefined;
  /** The add-on's pages open in tabs, by URL, with their console. */
  private readonly pages = new Map<string, string>();
  /** How many background pages the add-on has had: 1, then one more after each stop and restart. */
  pagesStarted = 0;
  private consoleChanged: () => void = () => {};
  private evaluations = 0;

  private constructor(
    private readonly client: RemoteDebuggingClient,
    readonly addonId: string,
    /** The moz-extension:// origin of the add-on, as `extensionId` is Chromium's. */
    readonly baseUrl: string,
    private readonly descriptorActor: string,
  ) {}

  /** Installs the unpacked build at `dir` as a temporary add-on and attaches to its background page. */
  static async install(client: RemoteDebuggingClient, dir: string): Promise<ExtensionBackground> {
    const root = await client.request('root', 'getRoot');
    const installed = await client.request(String(root.addonsActor), 'installTemporaryAddon', {
      addonPath: dir,
      openDevTools: false,
    });
    const addonId = String((installed.addon as { id: string }).id);
    const { addons } = (await client.request('root', 'listAddons', { iconDataURL: false })) as unknown as {
      addons: Array<{ id: string; actor: string; manifestURL: string }>;
    };
    const descriptor = addons.find((addon) => addon.id === addonId);
    if (!descriptor)
      throw new RemoteDebuggingError(`Firefox does not list the add-on ${addonId} it installed.`);
    const background = new ExtensionBackground(
      client,
      addonId,
      // Node's URL gives no origin for moz-extension:, a scheme it does not know.
      descriptor.manifestURL.replace(/\/manifest\.json$/, ''),
      descriptor.actor,
    );
    await background.watchBackgroundPage();
    return background;
  }

  /** Evaluates `expression` in the background page; a promise is awaited. Values travel as JSON. */
  async evaluate(expression: string): Promise<unknown> {
    const id = ++this.evaluations;
    const box = `globalThis[${JSON.stringify(RESULTS_GLOBAL)}]`;
    const started = await this.evaluateNow(`(() => {
      const box = (${box} ??= {});
      box[${id}] = { state: 'pending' };
      Promise.resolve().then(() => (${expression})).then(
        (value) => { box[${id}] = { state: 'done', json: value === undefined ? undefined : JSON.stringify(value) }; },
        (error) => { box[${id}] = { state: 'failed', message: String((error && error.message) || error) }; },
      );
      return 'started';
    })()`);
    if (started !== 'started')
      throw new RemoteDebuggingError('The background page did not start the evaluation.');
    for (;;) {
      const answer = await this.evaluateNow(`(() => {
        const outcome = ${box}?.[${id}];
        if (!outcome) return 'lost';
        if (outcome.state === 'pending') return 'pending';
        delete ${box}[${id}];
        return JSON.stringify(outcome);
      })()`);
      if (answer === 'pending') {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        continue;
      }
      // The page was stopped while the evaluation ran: as a stopped worker's evaluation, it never settles.
      if (answer === 'lost')
        throw new RemoteDebuggingError('The background page stopped during the evaluation.');
      const outcome = JSON.parse(String(answer)) as {
        state: 'done' | 'failed';
        json?: string;
        message?: string;
      };
      if (outcome.state === 'failed') throw new Error(outcome.message);
      return outcome.json === undefined ? undefined : JSON.parse(outcome.json);
    }
  }

  /**
   * Stops the background page, as Firefox does to an idle event page
   * (about:debugging's "Terminate"), and resolves once Firefox says it has
   * stopped; a stop asked while the page is busy is asked again.
   */
  async terminate(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      await this.client.request(this.descriptorActor, 'terminateBackgroundScript');
      for (let waited = 0; waited < 1_000; waited += 50) {
        if (!(await this.running())) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    throw new RemoteDebuggingError(`The background page did not stop within ${timeoutMs} ms.`);
  }

  /** Whether the background page runs now, as Firefox's add-on list says. */
  async running(): Promise<boolean> {
    const { addons } = (await this.client.request('root', 'listAddons', {
      iconDataURL: false,
    })) as unknown as {
      addons: Array<{ id: string; backgroundScriptStatus?: string }>;
    };
    return addons.find((addon) => addon.id === this.addonId)?.backgroundScriptStatus === 'RUNNING';
  }

  /** Follows the add-on's background page: each new one (after a stop) becomes where code runs. */
  private async watchBackgroundPage(): Promise<void> {
    const watcher = await this.client.request(this.descriptorActor, 'getWatcher', {});
    // The page Firefox makes for `background.scripts`; the add-on's other pages (popup, report) are not it.
    const isBackground = (target: { url?: string; addonId?: string }) =>
      target.addonId === this.addonId && target.url === `${this.baseUrl}/_generated_background_page.html`;
    this.client.onEvent((packet: Packet) => {
      const target = packet.target as { url?: string; addonId?: string; consoleActor?: string } | undefined;
      if (!target || target.addonId !== this.addonId || !target.url?.startsWith(`${this.baseUrl}/`)) return;
      if (!isBackground(target)) {
        // One of the add-on's own pages (popup.html, report.html) open in a tab.
        if (packet.type === 'target-available-form' && target.consoleActor)
          this.pages.set(target.url, target.consoleActor);
        else if (packet.type === 'target-destroyed-form') this.pages.delete(target.url);
        return;
      }
      if (packet.type === 'target-available-form') {
        this.pagesStarted += 1;
        this.consoleActor = target.consoleActor;
        this.consoleChanged();
      } else if (packet.type === 'target-destroyed-form') {
        this.consoleActor = undefined;
      }
    });
    await this.client.request(String(watcher.actor), 'watchTargets', { targetType: 'frame' });
    await this.console();
  }

  private async console(): Promise<string> {
    if (this.consoleActor) return this.consoleActor;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new RemoteDebuggingError('The add-on has no background page to evaluate in.')),
        BACKGROUND_TIMEOUT_MS,
      );
      this.consoleChanged = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    return this.console();
  }

  /**
   * Opens one of the add-on's pages (`popup.html?tabId=3`) in a tab, as the
   * tests open Chromium's by URL (Firefox's automation cannot navigate to
   * moz-extension: pages), and returns how to evaluate in it.
   */
  async openPage(path: string, timeoutMs = 10_000): Promise<{ evaluate(text: string): Promise<unknown> }> {
    const url = `${this.baseUrl}/${path}`;
    await this.evaluate(`browser.tabs.create({ url: ${JSON.stringify(url)} }).then(() => true)`);
    const deadline = Date.now() + timeoutMs;
    while (!this.pages.has(url)) {
      if (Date.now() > deadline) throw new RemoteDebuggingError(`The add-on's page ${path} did not open.`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return {
      evaluate: (text) => {
        const consoleActor = this.pages.get(url);
        if (!consoleActor) return Promise.reject(new RemoteDebuggingError(`The page ${path} was closed.`));
        return this.evaluateNow(text, consoleActor);
      },
    };
  }

  /** A synchronous evaluation; long strings are read back slice by slice. */
  private async evaluateNow(text: string, inPage?: string): Promise<unknown> {
    const consoleActor = inPage ?? (await this.console());
    // The result may come in the same read as the reply that names it: gathered from before the request.
    const results = new Map<unknown, Packet>();
    let awaited: unknown;
    let arrived: (packet: Packet) => void = () => {};
    const stop = this.client.onEvent((packet) => {
      if (packet.type !== 'evaluationResult' || packet.from !== consoleActor) return;
      if (packet.resultID === awaited) arrived(packet);
      else results.set(packet.resultID, packet);
    });
    let result: Packet;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const request = await this.client.request(consoleActor, 'evaluateJSAsync', { text });
      result =
        results.get(request.resultID) ??
        (await new Promise<Packet>((resolve, reject) => {
          awaited = request.resultID;
          arrived = resolve;
          timer = setTimeout(
            () => reject(new RemoteDebuggingError('The background page did not answer an evaluation.')),
            BACKGROUND_TIMEOUT_MS,
          );
        }));
    } finally {
      clearTimeout(timer);
      stop();
    }
    if (result.hasException) throw new RemoteDebuggingError(String(result.exceptionMessage));
    const grip = result.result as Grip | string | number | boolean | null;
    if (typeof grip !== 'object' || grip === null) return grip;
    if (grip.type === 'undefined') return undefined;
    if (grip.type === 'longString' && grip.actor && grip.length !== undefined) {
      let text = '';
      for (let start = 0; start < grip.length; start += SLICE_CHARS) {
        const slice = await this.client.request(grip.actor, 'substring', {
          start,
          end: Math.min(grip.length, start + SLICE_CHARS),
        });
        text += String(slice.substring);
      }
      return text;
    }
    throw new RemoteDebuggingError(
      `The background page answered with a ${grip.type ?? 'value'} it cannot send.`,
    );
  }
}
