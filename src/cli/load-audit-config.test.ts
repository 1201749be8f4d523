import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import model from '../core/policy/models/jeejio-privacy-policy-2023-07.json';
import { UsageError } from '../harness/usage-error';
import { loadAuditConfig } from './load-audit-config';

async function files(entries: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'inspector-config-'));
  for (const [name, text] of Object.entries(entries)) await writeFile(join(dir, name), text);
  return dir;
}

const baseline = {
  rule: 'cookie-login-insecure',
  subject: 'token@www.jeejio.com/',
  reason: 'Login rework',
  owner: 'web-team',
  expires: '2026-03-31',
};

describe('loadAuditConfig', () => {
  it('reads the config and the policy model it names, relative to itself', async () => {
    const custom = { ...model, rules: model.rules.filter((r) => r.id !== 'retention-too-long') };
    const dir = await files({
      'inspector.config.json': JSON.stringify({ policyModel: 'model.json', baselines: [baseline] }),
      'model.json': JSON.stringify(custom),
    });
    const loaded = await loadAuditConfig(join(dir, 'inspector.config.json'));
    expect(loaded.config.baselines).toEqual([baseline]);
    expect(loaded.policy?.rules.map((r) => r.id)).not.toContain('retention-too-long');
  });

  it('uses the built-in policy when the config names none', async () => {
    const dir = await files({ 'c.json': JSON.stringify({ baselines: [baseline] }) });
    expect(await loadAuditConfig(join(dir, 'c.json'))).toEqual({
      config: { failOn: 'low', baselines: [baseline] },
    });
  });

  it.each([
    ['a missing file', {}, 'c.json', /The config .*c\.json does not exist\./],
    ['a directory', {}, '.', /is not a file/],
    ['an oversized file', { 'c.json': ' '.repeat(16 * 1024 * 1024 + 1) }, 'c.json', /the limit is 16777216/],
    [
      'an invalid config',
      { 'c.json': '{"failon": "high"}' },
      'c.json',
      /c\.json: The config is invalid:\n- failon: unknown key/,
    ],
    [
      'a missing policy model',
      { 'c.json': '{"policyModel": "nowhere.json"}' },
      'c.json',
      /policy model .*nowhere\.json does not exist\./,
    ],
    [
      'an invalid policy model',
      { 'c.json': '{"policyModel": "m.json"}', 'm.json': '{"rules": 1}' },
      'c.json',
      /m\.json: Policy model is invalid/,
    ],
    [
      'a baseline for a rule the policy lacks',
      { 'c.json': JSON.stringify({ baselines: [{ ...baseline, rule: 'cookie-login-insecur' }] }) },
      'c.json',
      /baselines\.0\.rule "cookie-login-insecur": the policy model has no such rule/,
    ],
  ])('refuses %s as a usage error naming the file', async (_label, entries, name, message) => {
    const dir = await files(entries as Record<string, string>);
    const loading = loadAuditConfig(join(dir, name));
    await expect(loading).rejects.toThrow(UsageError);
    await expect(loadAuditConfig(join(dir, name))).rejects.toThrow(message);
  });
});
