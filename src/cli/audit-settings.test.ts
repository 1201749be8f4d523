import { describe, expect, it } from 'vitest';
import type { InspectorConfig } from '../core/config/inspector-config-schema';
import { UsageError } from '../harness/usage-error';
import { parseAuditArguments } from './audit-arguments';
import { resolveAuditSettings } from './audit-settings';

const config: InspectorConfig = {
  hosts: ['https://staging.jeejio.com/'],
  hostRules: 'MAP *.jeejio.com 10.0.0.5',
  failOn: 'medium',
  baselines: [
    {
      rule: 'cookie-login-insecure',
      subject: 'token@www.jeejio.com/',
      reason: 'Login rework',
      owner: 'web-team',
      expires: '2026-03-31',
    },
  ],
};

describe('resolveAuditSettings', () => {
  it('takes hosts, host rules, threshold and baselines from the config', () => {
    const args = parseAuditArguments(['--config', 'c.json', '--out', 'x']);
    expect(resolveAuditSettings(args, config)).toEqual({
      urls: ['https://staging.jeejio.com/'],
      listedUrls: ['https://staging.jeejio.com/'],
      hostRules: 'MAP *.jeejio.com 10.0.0.5',
      failOn: 'medium',
      baselines: config.baselines,
    });
  });

  it('lets the command line win', () => {
    const args = parseAuditArguments([
      'https://www.jeejio.com/',
      '--config',
      'c.json',
      '--out',
      'x',
      '--host-rules',
      'MAP * 127.0.0.1:8443',
      '--fail-on',
      'high',
    ]);
    expect(resolveAuditSettings(args, config)).toMatchObject({
      urls: ['https://www.jeejio.com/'],
      hostRules: 'MAP * 127.0.0.1:8443',
      failOn: 'high',
    });
  });

  it('refuses host rules Chromium would drop, saying where they came from', () => {
    const given = parseAuditArguments([
      'https://www.jeejio.com/',
      '--out',
      'x',
      '--host-rules',
      'MAPP *.jeejio.com 10.0.0.5',
    ]);
    expect(() => resolveAuditSettings(given, config)).toThrow(UsageError);
    expect(() => resolveAuditSettings(given, config)).toThrow(
      /^--host-rules: The host rule, "MAPP \*\.jeejio\.com 10\.0\.0\.5", starts with "MAPP"/,
    );
    const fromConfig = parseAuditArguments(['--config', 'c.json', '--out', 'x']);
    expect(() => resolveAuditSettings(fromConfig, { ...config, hostRules: 'MAP *.jeejio.com' })).toThrow(
      /^The config's hostRules: The host rule, "MAP \*\.jeejio\.com", lacks what to map to/,
    );
  });

  it('fails on low severities and accepts nothing without a config', () => {
    const args = parseAuditArguments(['https://www.jeejio.com/', '--out', 'x']);
    expect(resolveAuditSettings(args, undefined)).toEqual({
      urls: ['https://www.jeejio.com/'],
      listedUrls: ['https://www.jeejio.com/'],
      failOn: 'low',
      baselines: [],
    });
  });

  it('refuses a config that lists no hosts when no URL is given', () => {
    const args = parseAuditArguments(['--config', 'c.json', '--out', 'x']);
    expect(() => resolveAuditSettings(args, { failOn: 'low', baselines: [] })).toThrow(UsageError);
  });

  it('adds the URLs of a --urls file to those on the command line, each once, replacing the config hosts', () => {
    const args = parseAuditArguments([
      'https://a.jeejio.com/',
      '--urls',
      'u.txt',
      '--config',
      'c.json',
      '--out',
      'x',
    ]);
    expect(
      resolveAuditSettings(args, config, ['https://b.jeejio.com/', 'https://a.jeejio.com/']).urls,
    ).toEqual(['https://a.jeejio.com/', 'https://b.jeejio.com/']);
  });

  it('keeps the shard its part of the whole list, config hosts included', () => {
    const hosts = ['https://a.jeejio.com/', 'https://b.jeejio.com/', 'https://c.jeejio.com/'];
    const args = parseAuditArguments(['--config', 'c.json', '--out', 'x', '--shard', '2/2']);
    expect(resolveAuditSettings(args, { ...config, hosts })).toMatchObject({
      urls: ['https://c.jeejio.com/'],
      listedUrls: hosts,
    });
  });
});
