import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { journaledBody, reportedBody } from './journaled-body';
import { MAX_BODY_CHARS, requestBodyText } from './network-observation';

const raw = (...parts: Uint8Array[]) => ({ raw: parts.map((p) => ({ bytes: p.slice().buffer })) });

describe('a request body kept in the journal', () => {
  it('survives a trip through JSON as the same text and length the report shows', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 4 }), (parts) => {
        const body = raw(...parts);
        const replayed = reportedBody(JSON.parse(JSON.stringify(journaledBody(body))));
        expect(requestBodyText(replayed)).toEqual(requestBodyText(body));
      }),
    );
  });

  it('keeps form fields and the reason a body could not be read', () => {
    const body = { formData: { q: ['a', 'b'] }, error: 'Unsupported upload' };
    expect(reportedBody(JSON.parse(JSON.stringify(journaledBody(body))))).toEqual(body);
  });

  it('keeps only the start of a huge body, and its full length', () => {
    const huge = new TextEncoder().encode('x'.repeat(MAX_BODY_CHARS * 10));
    const journaled = journaledBody(raw(huge));
    expect(journaled.rawBase64?.length ?? 0).toBeLessThan(MAX_BODY_CHARS * 6);
    const text = requestBodyText(reportedBody(journaled));
    expect(text?.length).toBe(huge.length);
    expect(text?.text.startsWith('x'.repeat(MAX_BODY_CHARS))).toBe(true);
  });
});
