import { describe, expect, it } from 'vitest';
import { commonNameOf, exportTimestampOf } from './export-timestamp';
import type { TimestampToken } from './timestamp-token';

const tsa = new URL('http://127.0.0.1:3180/tsa');
const token: TimestampToken = {
  time: '2025-03-01T10:00:00Z',
  accuracyMs: 1000,
  serial: '0a',
  policy: '1.3.6.1.4.1.99999.1',
  hashAlgorithm: '2.16.840.1.101.3.4.2.1',
  imprint: new Uint8Array(32),
  tsaName: 'CN=Local Test TSA',
};

describe('what an export says about its trusted time', () => {
  it("names the TSA as its token does, by its common name, with the TSA's time", () => {
    expect(exportTimestampOf({ token }, tsa)).toEqual({
      status: 'stamped',
      tsa: 'Local Test TSA',
      time: '2025-03-01T10:00:00Z',
      accuracyMs: 1000,
      serial: '0a',
    });
  });

  it('reads a common name out of a longer distinguished name, and keeps a name without one', () => {
    expect(commonNameOf('CN=Example TSA, O=Example Ltd, C=GB')).toBe('Example TSA');
    expect(commonNameOf('O=Example Ltd, CN=Example TSA')).toBe('Example TSA');
    expect(commonNameOf('O=Example Ltd')).toBe('O=Example Ltd');
  });

  it('names a TSA whose token does not name it by the host it came from', () => {
    const { tsaName: _, accuracyMs: __, ...anonymous } = token;
    expect(exportTimestampOf({ token: anonymous }, tsa)).toEqual({
      status: 'stamped',
      tsa: '127.0.0.1:3180',
      time: '2025-03-01T10:00:00Z',
      serial: '0a',
    });
  });

  it("passes on why the TSA's stamp failed", () => {
    const error = 'the TSA at http://127.0.0.1:3180/tsa could not be reached (ECONNREFUSED)';
    expect(exportTimestampOf({ error }, tsa)).toEqual({ status: 'failed', reason: error });
  });
});
