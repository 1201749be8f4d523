import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_REFERENCE_TABLES } from '../core/classify/bundled-reference-tables';

const runtime = { getURL: (path: string) => `chrome-extension://inspector${path}` };
vi.mock('wxt/browser', () => ({ browser: { runtime } }));

const FILES: Record<string, unknown> = {
  'chrome-extension://inspector/reference/ocd-cookies.json': BUNDLED_REFERENCE_TABLES.openCookieDatabase,
  'chrome-extension://inspector/reference/cname-trackers.json': BUNDLED_REFERENCE_TABLES.cnameTrackers,
};

/** The package's files over fetch, failing the first `failures` requests. */
function packageFetch(failures = 0) {
  let left = failures;
  return vi.fn(async (url: URL | string) => {
    if (left-- > 0) return new Response('gone', { status: 404 });
    const body = FILES[String(url)];
    return body === undefined ? new Response('no such file', { status: 404 }) : Response.json(body);
  });
}

/** The loader and the classifier as a worker has them when it wakes: nothing provided yet. */
async function fresh() {
  vi.resetModules();
  const [loader, tables, { classifyCookie }] = await Promise.all([
    import('./packaged-reference-tables'),
    import('../core/classify/reference-tables'),
    import('../core/classify/classify-cookie'),
  ]);
  return { ...loader, ...tables, classifyCookie };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the reference tables read from the package', () => {
  it('are read once from reference/ in the package, and classify from then on', async () => {
    const fetch = packageFetch();
    vi.stubGlobal('fetch', fetch);
    const { loadPackagedReferenceTables, referenceTablesProvided, classifyCookie } = await fresh();
    expect(referenceTablesProvided()).toBe(false);
    await Promise.all([loadPackagedReferenceTables(), loadPackagedReferenceTables()]);
    await loadPackagedReferenceTables();
    expect(fetch.mock.calls.map(([url]) => String(url)).sort()).toEqual(Object.keys(FILES).sort());
    expect(classifyCookie({ name: 'mage-cache-sessid', domain: '.jeejio.com' }).matchedBy).toBe(
      'open-cookie-database',
    );
  });

  it('a failed reading rejects with the file and status, and the next call reads again', async () => {
    vi.stubGlobal('fetch', packageFetch(1));
    const { loadPackagedReferenceTables, referenceTablesProvided } = await fresh();
    await expect(loadPackagedReferenceTables()).rejects.toThrow(/Could not read reference\/\S+ .*404/);
    expect(referenceTablesProvided()).toBe(false);
    await loadPackagedReferenceTables();
    expect(referenceTablesProvided()).toBe(true);
  });

  it('the worker waits through failed readings instead of giving up', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const fetch = packageFetch(3);
    vi.stubGlobal('fetch', fetch);
    const { referenceTablesLoaded, referenceTablesProvided } = await fresh();
    let loaded = false;
    void referenceTablesLoaded().then(() => {
      loaded = true;
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(loaded).toBe(true);
    expect(referenceTablesProvided()).toBe(true);
    expect(fetch.mock.calls.length).toBeGreaterThan(4);
  });

  it('tables already handed over (the bundled copies in Node) are kept, and nothing is read', async () => {
    const fetch = packageFetch();
    vi.stubGlobal('fetch', fetch);
    const { loadPackagedReferenceTables, referenceTablesLoaded, provideReferenceTables } = await fresh();
    provideReferenceTables(BUNDLED_REFERENCE_TABLES);
    await loadPackagedReferenceTables();
    await referenceTablesLoaded();
    expect(fetch).not.toHaveBeenCalled();
  });
});
