import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { inspectorConfigJsonSchema } from './config-json-schema';

const committed = JSON.parse(
  readFileSync(new URL('./inspector-config.schema.json', import.meta.url), 'utf8'),
);
// "Exactly one of" is oneOf over `required` lists, which Ajv's strictRequired check would flag.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validate = ajv.compile(committed);

const baseline = {
  rule: 'cookie-login-insecure',
  subject: 'token@www.jeejio.com/',
  reason: 'HttpOnly lands with the login rework',
  owner: 'web-team',
  expires: '2026-03-31',
};

describe('inspector-config.schema.json', () => {
  it('is what the valibot schema generates (run npm run generate:config-schema after changing it)', () => {
    expect(committed).toEqual(inspectorConfigJsonSchema());
  });

  it('accepts a config the inspector accepts', () => {
    const config = { hosts: ['https://www.jeejio.com/'], failOn: 'medium', baselines: [baseline] };
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['an unknown key', { failon: 'high' }],
    ['a baseline naming two things', { baselines: [{ ...baseline, page: 'https://www.jeejio.com/' }] }],
    ['a baseline naming nothing', { baselines: [{ ...baseline, subject: undefined }] }],
    ['a date in words', { baselines: [{ ...baseline, expires: 'next spring' }] }],
    ['a javascript: host', { hosts: ['javascript:alert(1)'] }],
  ])('refuses %s, as the inspector does', (_label, config) => {
    expect(validate(JSON.parse(JSON.stringify(config)))).toBe(false);
  });
});
