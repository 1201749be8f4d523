import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Report } from '../../src/core/report/report-types';
import {
  CLOAKED_CANONICAL_NAME,
  CLOAKED_COLLECTOR_URL,
  CLOAKED_HOST,
} from '../../src/demo-site/cloaked-collector-page';
import { startUdpDnsServer, type UdpDnsServer } from '../support/udp-dns-server';
import { auditDemoSite } from './audit-cli-process';
import { expect, ROOT, test } from './fixtures';

let dns: UdpDnsServer;
test.beforeAll(async () => {
  // Loopback only: the collector's alias is this server's word, never the network's.
  dns = await startUdpDnsServer({ [CLOAKED_HOST]: CLOAKED_CANONICAL_NAME }, ['broken.jeejio.com']);
});
test.afterAll(() => dns.close());

test("Chromium: the audit asks its DNS server for the site's hosts' CNAME chains and uncloaks the collector", async ({
  demoSite,
}) => {
  const { run, out } = await auditDemoSite(
    demoSite,
    [CLOAKED_COLLECTOR_URL],
    ['--dwell', '500', '--dns-server', dns.server],
  );
  expect(run.code, run.stderr).toBe(1);
  expect(dns.asked).toContain(`CNAME ${CLOAKED_HOST}`);
  // The page's own host is not asked: a site does not cloak the page itself.
  expect(dns.asked).not.toContain('CNAME www.jeejio.com');
  expect(run.stdout).toContain(
    `DNS (${dns.server}): 1 of the site's hosts asked for their CNAME; ${CLOAKED_HOST} → ${CLOAKED_CANONICAL_NAME}; 0 failed`,
  );

  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  const schema = JSON.parse(await readFile(join(ROOT, 'src/core/report/report.schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  expect(report.dnsLookups).toEqual({
    resolver: dns.server,
    hosts: [CLOAKED_HOST],
    aliases: [{ host: CLOAKED_HOST, chain: [CLOAKED_HOST, CLOAKED_CANONICAL_NAME] }],
    warnings: [],
  });
  const hit = report.observations.find((o) => o.url?.startsWith(`https://${CLOAKED_HOST}/collect`));
  expect(hit).toMatchObject({
    canonicalName: CLOAKED_CANONICAL_NAME,
    canonicalNameBy: 'audit-resolver',
    cnameChain: [CLOAKED_HOST, CLOAKED_CANONICAL_NAME],
    party: 'third-party',
    vendor: 'Adobe Analytics',
    purpose: 'statistics',
  });
  expect(hit?.classificationReason).toContain(
    `${CLOAKED_HOST} → ${CLOAKED_CANONICAL_NAME} (its canonical name, as the audit's DNS resolver gave it)`,
  );
  // The hit carries the account id (uid) to Adobe, a recipient the policy does not list: §4's promise is broken.
  const findings = report.findings.filter((f) => hit && f.observationIds.includes(hit.id));
  expect(findings.flatMap((f) => f.rules)).toContain('third-party-disclosure');
  // observations.json replays to the same classification: the canonical name is in the log.
  const log = JSON.parse(await readFile(join(out, 'observations.json'), 'utf8'));
  expect(JSON.stringify(log)).toContain('"canonicalNameBy":"audit-resolver"');
});

test('Chromium: a DNS server that fails is a warning in the report, and the audit goes on', async ({
  demoSite,
}) => {
  // Nothing listens on this port: every lookup is refused or times out.
  const { run, out } = await auditDemoSite(
    demoSite,
    [CLOAKED_COLLECTOR_URL],
    ['--dwell', '500', '--dns-server', '127.0.0.1:1'],
  );
  expect(run.code, run.stderr).not.toBe(2);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  expect(report.dnsLookups?.aliases).toEqual([]);
  expect(report.dnsLookups?.warnings).toHaveLength(1);
  expect(report.dnsLookups?.warnings[0]).toMatch(
    /^metrics\.jeejio\.com: asking for the CNAME of metrics\.jeejio\.com failed/,
  );
  const hit = report.observations.find((o) => o.url?.startsWith(`https://${CLOAKED_HOST}/collect`));
  expect(hit).toMatchObject({ party: 'first-party' });
  expect(hit?.canonicalName).toBeUndefined();
  // Without its canonical name the hit looks like Jeejio's own: no third party is seen receiving it.
  const disclosures = report.findings.filter((f) => hit && f.observationIds.includes(hit.id));
  expect(disclosures.flatMap((f) => f.rules)).not.toContain('third-party-disclosure');
});
