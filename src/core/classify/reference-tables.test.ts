import { describe, expect, it, vi } from 'vitest';

/** A fresh copy of the modules, as a worker has before it reads the tables from its package. */
async function freshClassifiers() {
  vi.resetModules();
  const [{ classifyCookie }, { classifyRequest }, tables, { BUNDLED_REFERENCE_TABLES }] = await Promise.all([
    import('./classify-cookie'),
    import('./classify-request'),
    import('./reference-tables'),
    import('./bundled-reference-tables'),
  ]);
  return { classifyCookie, classifyRequest, tables, bundled: BUNDLED_REFERENCE_TABLES };
}

const ONLY_THE_DATABASE_KNOWS = { name: 'mage-cache-sessid', domain: '.jeejio.com' };
const CLOAKED = { url: 'https://qdkwaz.laredoute.fr/event?a=1', pageUrl: 'https://www.laredoute.fr/' };

describe('reference tables', () => {
  it('classifying before they are provided fails loudly, rather than calling what they know unknown', async () => {
    const { classifyCookie, classifyRequest, tables } = await freshClassifiers();
    expect(tables.referenceTablesProvided()).toBe(false);
    expect(() => classifyCookie(ONLY_THE_DATABASE_KNOWS)).toThrow(/not provided/);
    expect(() => classifyRequest(CLOAKED)).toThrow(/not provided/);
  });

  it('once provided, a cookie only the Open Cookie Database knows and a disguised host are classified', async () => {
    const { classifyCookie, classifyRequest, tables, bundled } = await freshClassifiers();
    tables.provideReferenceTables(bundled);
    expect(classifyCookie(ONLY_THE_DATABASE_KNOWS)).toMatchObject({
      vendor: 'Magento',
      matchedBy: 'open-cookie-database',
    });
    expect(classifyRequest(CLOAKED)).toMatchObject({ purpose: 'advertising', party: 'third-party' });
  });
});
