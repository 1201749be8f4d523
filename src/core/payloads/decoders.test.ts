import { describe, expect, it } from 'vitest';
import { decodeBase64Text } from './decode-base64';
import { batchLines } from './decode-batch';
import { parseJsonDocument } from './decode-json';
import { decodeQuery, queryOf } from './decode-query';
import { decodeRequest } from './decode-request';
import { DecodeBudget, PAYLOAD_LIMITS } from './limits';
import { nestedPayload } from './nested-value';

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const leavesAt = (url: string, body?: string) =>
  Object.fromEntries(decodeRequest(url, body).records.map((r) => [r.at, Object.fromEntries(r.leaves)]));

describe('query and form decoding', () => {
  it('keeps bracketed names as the request shows them (Meta advanced matching)', () => {
    expect(decodeQuery('id=1&ud%5Bem%5D=abc&ev=PageView')).toEqual([
      ['id', '1'],
      ['ud[em]', 'abc'],
      ['ev', 'PageView'],
    ]);
  });

  it('reads "+" as a space and leaves a malformed escape as it is', () => {
    expect(decodeQuery('q=iot+sensor&bad=100%')).toEqual([
      ['q', 'iot sensor'],
      ['bad', '100%'],
    ]);
  });

  it('takes the query of a URL without its fragment', () => {
    expect(queryOf('https://x.example/p?a=1#b=2')).toBe('a=1');
    expect(queryOf('https://x.example/p')).toBe('');
  });
});

describe('JSON decoding', () => {
  it('reads objects and arrays, nothing else', () => {
    expect(parseJsonDocument(' {"a":1} ', new DecodeBudget())).toEqual({ a: 1 });
    expect(parseJsonDocument('"text"', new DecodeBudget())).toBeUndefined();
    expect(parseJsonDocument('{broken', new DecodeBudget())).toBeUndefined();
  });

  it('refuses hostile nesting before parsing, and counts it', () => {
    const budget = new DecodeBudget();
    expect(parseJsonDocument(`${'['.repeat(200)}${']'.repeat(200)}`, budget)).toBeUndefined();
    expect(budget.dropped).toBe(1);
  });
});

describe('base64 decoding', () => {
  it('reads base64 and base64url, with or without padding, as UTF-8', () => {
    const text = '{"name":"张三?"}';
    const standard = base64(text);
    expect(decodeBase64Text(standard)).toBe(text);
    expect(decodeBase64Text(standard.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))).toBe(text);
  });

  it('restores the "+" a form decoding turned into a space', () => {
    const encoded = base64('{"k":"~~~>>>"}');
    expect(encoded).toContain('+');
    expect(decodeBase64Text(encoded.replace(/\+/g, ' '))).toBe('{"k":"~~~>>>"}');
  });

  it('rejects ordinary ids and binary bytes', () => {
    expect(decodeBase64Text('user42')).toBeUndefined();
    expect(decodeBase64Text(btoa('\u00ff\u00fe\u0000\u0081binary'))).toBeUndefined();
  });
});

describe('batches and nested payloads', () => {
  it('splits a GA4 body of one event per line', () => {
    expect(batchLines('en=page_view&_et=5\nen=login&ep.method=sms')).toEqual([
      'en=page_view&_et=5',
      'en=login&ep.method=sms',
    ]);
    expect(batchLines('en=page_view')).toBeUndefined();
    expect(batchLines('hello\nworld')).toBeUndefined();
  });

  it('unwraps base64 JSON and JSON text held in a parameter', () => {
    expect(nestedPayload(base64('[{"event":"x"}]'), new DecodeBudget())).toEqual({
      encoding: 'base64',
      value: [{ event: 'x' }],
    });
    expect(nestedPayload('[{"event_type":"x"}]', new DecodeBudget())).toEqual({
      encoding: 'json',
      value: [{ event_type: 'x' }],
    });
    expect(nestedPayload('GA1.1.987654321.1700000000', new DecodeBudget())).toBeUndefined();
  });
});

describe('decodeRequest', () => {
  it('gives each batch item a record of its own, placed where a reader finds it', () => {
    const leaves = leavesAt(
      'https://api.segment.io/v1/batch',
      JSON.stringify({ batch: [{ userId: 'u1', traits: { email: 'a@b.example' } }], sentAt: 'now' }),
    );
    expect(leaves['batch[0]']).toEqual({ userId: 'u1', 'traits.email': 'a@b.example' });
    expect(leaves['']).toEqual({ sentAt: 'now' });
  });

  it('follows a data= parameter holding base64 JSON into its events', () => {
    const body = `data=${encodeURIComponent(base64(JSON.stringify([{ properties: { $user_id: 'u1' } }])))}`;
    expect(leavesAt('https://api-js.mixpanel.com/track/', body)['data(base64)[0]']).toEqual({
      'properties.$user_id': 'u1',
    });
  });

  it('reads the URL query and each body line of a GA4 batch', () => {
    const leaves = leavesAt('https://x.example/g/collect?v=2&uid=7', 'en=a\nen=b');
    expect(leaves['']).toEqual({ v: '2', uid: '7' });
    expect(leaves['body[1]']).toEqual({ en: 'b' });
  });

  it('counts what the bounds leave unread', () => {
    const items = Array.from({ length: PAYLOAD_LIMITS.maxRecords + 5 }, (_, i) => ({ i }));
    const decoded = decodeRequest('https://x.example/e', JSON.stringify(items));
    expect(decoded.records).toHaveLength(PAYLOAD_LIMITS.maxRecords);
    expect(decoded.dropped).toBe(5);
  });

  it('counts objects nested deeper than a record is read', () => {
    let deep: Record<string, unknown> = { id: 'x' };
    for (let i = 0; i < PAYLOAD_LIMITS.maxDepth + 2; i++) deep = { a: deep };
    expect(decodeRequest('https://x.example/e', JSON.stringify(deep)).dropped).toBe(1);
  });

  it('reads nothing from a binary body the worker could only mangle', () => {
    expect(decodeRequest('https://x.example/e', '\u001f\ufffd\b\u0000\ufffd\ufffd').records).toEqual([]);
  });
});
