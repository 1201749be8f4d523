import { describe, expect, it } from 'vitest';
import { readGpcSupport } from './gpc-support';

const origin = 'https://www.jeejio.com';

describe('readGpcSupport', () => {
  it('reads the support resource as the GPC spec defines it', () => {
    expect(readGpcSupport(origin, 200, '{"gpc": true, "lastUpdate": "2026-11-01"}')).toEqual({
      origin,
      gpc: true,
      lastUpdate: '2026-11-01',
    });
    expect(readGpcSupport(origin, 200, '{"gpc": false}')).toEqual({ origin, gpc: false });
  });

  it('says why nothing valid was read, never claiming support', () => {
    expect(readGpcSupport(origin, 404, 'Not found')).toEqual({ origin, problem: 'answered HTTP 404' });
    expect(readGpcSupport(origin, 200, '<html>')).toEqual({ origin, problem: 'is not JSON' });
    expect(readGpcSupport(origin, 200, '{"gpc": "yes"}')).toEqual({
      origin,
      problem: 'has no boolean "gpc" member',
    });
    expect(readGpcSupport(origin, 200, `{"gpc": true, "x": "${'a'.repeat(20_000)}"}`).problem).toMatch(
      /bytes/,
    );
  });
});
