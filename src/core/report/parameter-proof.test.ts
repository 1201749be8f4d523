import { describe, expect, it } from 'vitest';
import { parameterProof } from './parameter-proof';

describe('parameterProof', () => {
  it('puts the parameter holding personal data first, masked, and keeps the others as sent', () => {
    const { params, more } = parameterProof(
      'https://hm.baidu.com/hm.gif?si=0123456789abcdef&ep=13812345678&u=https%3A%2F%2Fwww.jeejio.com%2F',
    );
    expect(params[0]).toEqual({ name: 'ep', shown: expect.stringContaining('*'), found: ['phone-number'] });
    expect(params[0]?.shown).not.toContain('13812345678');
    expect(params.slice(1)).toEqual([
      { name: 'si', shown: '0123456789abcdef', found: [] },
      { name: 'u', shown: 'https://www.jeejio.com/', found: [] },
    ]);
    expect(more).toBe(0);
  });

  it('reads a form or JSON body too, and counts what it does not show', () => {
    expect(parameterProof('https://collect.tracker.example/c', '{"email":"ann@example.com"}').params).toEqual(
      [{ name: 'email', shown: expect.stringContaining('@example.com'), found: ['email'] }],
    );
    const many = Array.from({ length: 40 }, (_, i) => `p${i}=${i}`).join('&');
    expect(parameterProof(`https://x.example/?${many}`, undefined, 30)).toMatchObject({ more: 10 });
  });
});
