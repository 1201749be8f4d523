import { describe, expect, it } from 'vitest';
import { InspectorConfigError, MAX_CONFIG_BYTES, parseInspectorConfig } from './parse-inspector-config';

const baseline = {
  rule: 'cookie-login-insecure',
  subject: 'token@www.jeejio.com/',
  reason: 'HttpOnly lands with the login rework',
  owner: 'web-team',
  expires: '2026-03-31',
};
const text = (value: unknown) => JSON.stringify(value);

describe('parseInspectorConfig', () => {
  it('reads a full config', () => {
    expect(
      parseInspectorConfig(
        text({
          $schema: './src/core/config/inspector-config.schema.json',
          hosts: ['https://www.jeejio.com/', 'https://open.jeejio.com/'],
          hostRules: 'MAP *.jeejio.com staging.internal:443',
          policyModel: 'policy/model.json',
          failOn: 'high',
          baselines: [baseline, { ...baseline, subject: undefined, page: 'https://www.jeejio.com/' }],
        }),
      ),
    ).toMatchObject({
      hosts: ['https://www.jeejio.com/', 'https://open.jeejio.com/'],
      failOn: 'high',
      baselines: [baseline, { page: 'https://www.jeejio.com/' }],
    });
  });

  it('fails on low severities and accepts nothing when it is not told otherwise', () => {
    expect(parseInspectorConfig('{}')).toEqual({ failOn: 'low', baselines: [] });
  });

  it.each([
    ['text that is not JSON', '{"hosts": [', /not valid JSON/],
    ['a file over the size limit', `{"hostRules": "${'x'.repeat(MAX_CONFIG_BYTES)}"}`, /the limit is/],
    ['deep nesting', `${'['.repeat(50_000)}${']'.repeat(50_000)}`, /nests 50000 levels deep/],
    ['a top-level array', '[]', /must be a JSON object/],
    ['a bare string', '"https://www.jeejio.com/"', /must be a JSON object/],
    ['an unknown key', text({ hosts: ['https://www.jeejio.com/'], failon: 'high' }), /failon: unknown key/],
    [
      'an unknown baseline key',
      text({ baselines: [{ ...baseline, expiry: '2026-01-01' }] }),
      /baselines\.0\.expiry: unknown key/,
    ],
    ['an unknown severity', text({ failOn: 'critical' }), /failOn: must be high, medium or low/],
    [
      'a host that is not http(s)',
      text({ hosts: ['javascript:alert(1)'] }),
      /hosts\.0: must be an http\(s\) URL/,
    ],
    ['a bare host name', text({ hosts: ['www.jeejio.com'] }), /hosts\.0: must be an http\(s\) URL/],
    ['no hosts at all', text({ hosts: [] }), /hosts/],
    [
      'a date that does not exist',
      text({ baselines: [{ ...baseline, expires: '2026-02-30' }] }),
      /baselines\.0\.expires: "2026-02-30" is not a calendar date/,
    ],
    [
      'a month that does not exist',
      text({ baselines: [{ ...baseline, expires: '2026-13-01' }] }),
      /baselines\.0\.expires: must be a date written YYYY-MM-DD/,
    ],
    [
      'a date in words',
      text({ baselines: [{ ...baseline, expires: 'next spring' }] }),
      /must be a date written YYYY-MM-DD/,
    ],
    [
      'a date with a time',
      text({ baselines: [{ ...baseline, expires: '2026-03-31T12:00:00Z' }] }),
      /YYYY-MM-DD/,
    ],
    [
      'a baseline without an owner',
      text({ baselines: [{ ...baseline, owner: undefined }] }),
      /baselines\.0\.owner/,
    ],
    [
      'a baseline with an empty reason',
      text({ baselines: [{ ...baseline, reason: '' }] }),
      /baselines\.0\.reason/,
    ],
    [
      'a baseline naming nothing',
      text({ baselines: [{ ...baseline, subject: undefined }] }),
      /baselines\.0: give exactly one of subject, violationId or page/,
    ],
    [
      'a baseline naming two things',
      text({ baselines: [{ ...baseline, violationId: 'v-1abc' }] }),
      /give exactly one of subject, violationId or page/,
    ],
    [
      'a malformed violation id',
      text({ baselines: [{ ...baseline, subject: undefined, violationId: '<script>' }] }),
      /violationId: must be a violation id/,
    ],
    [
      'an upper-case rule id',
      text({ baselines: [{ ...baseline, rule: 'Cookie Login' }] }),
      /baselines\.0\.rule: must be a rule id/,
    ],
    [
      'a huge subject',
      text({ baselines: [{ ...baseline, subject: 'x'.repeat(5000) }] }),
      /baselines\.0\.subject/,
    ],
    [
      'too many baselines',
      text({ baselines: Array.from({ length: 1001 }, () => baseline) }),
      /baselines: Invalid length/,
    ],
  ])('refuses %s with a clear error', (_label, json, message) => {
    expect(() => parseInspectorConfig(json)).toThrow(InspectorConfigError);
    expect(() => parseInspectorConfig(json)).toThrow(message);
  });

  it('lists several problems at once, but not hundreds', () => {
    const many = text({ baselines: Array.from({ length: 50 }, () => ({ ...baseline, expires: 'soon' })) });
    const message = (() => {
      try {
        parseInspectorConfig(many);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message.split('\n- ')).toHaveLength(10);
    expect(message).toContain('baselines.7.expires: must be a date written YYYY-MM-DD');
    expect(message).toContain('and 42 more');
  });
});
