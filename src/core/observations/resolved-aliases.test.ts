import { describe, expect, it } from 'vitest';
import { classifyObservation } from '../rules/classified-observation';
import type { NetworkObservation, Observation } from './observation';
import { hostsToResolve, MAX_HOSTS_TO_RESOLVE, withResolvedAliases } from './resolved-aliases';

const PAGE = 'https://www.jeejio.com/cloaked-collector';

function request(url: string, extra: Partial<NetworkObservation> = {}): NetworkObservation {
  return {
    id: `r-${url}`,
    kind: 'request',
    provenance: 'webRequest',
    observedAt: 1,
    tabId: 1,
    visitId: 'v1',
    pageUrl: PAGE,
    url,
    method: 'GET',
    resourceType: 'image',
    ...extra,
  };
}

describe('hostsToResolve', () => {
  it("asks about the site's other hosts once each, sorted, never the page's own host, a third party's or one the browser named", () => {
    const observations: Observation[] = [
      request('https://metrics.jeejio.com/collect?a=1'),
      request('https://metrics.jeejio.com/collect?a=2'),
      request('https://www.jeejio.com/api'),
      request('https://hm.baidu.com/hm.gif'),
      request('https://cdn.jeejio.com/app.js'),
      request('https://sa.jeejio.com/sa', { canonicalName: 'sa.example.net' }),
    ];
    expect(hostsToResolve(observations)).toEqual({
      hosts: ['cdn.jeejio.com', 'metrics.jeejio.com'],
      notAsked: 0,
    });
  });

  it('asks about at most MAX_HOSTS_TO_RESOLVE hosts and counts the rest', () => {
    const many = Array.from({ length: MAX_HOSTS_TO_RESOLVE + 5 }, (_, i) =>
      request(`https://h${String(i).padStart(3, '0')}.jeejio.com/x`),
    );
    const { hosts, notAsked } = hostsToResolve(many);
    expect(hosts).toHaveLength(MAX_HOSTS_TO_RESOLVE);
    expect(notAsked).toBe(5);
  });
});

describe('withResolvedAliases', () => {
  const chains = new Map([['metrics.jeejio.com', ['metrics.jeejio.com', 'jeejio.sc.omtrdc.net']]]);

  it("gives a request to an aliased host the chain's end, marked as the audit's, and classifies it by it", () => {
    const [uncloaked, untouched] = withResolvedAliases(
      [request('https://metrics.jeejio.com/collect?visitor=1'), request('https://cdn.jeejio.com/a.js')],
      chains,
    ) as NetworkObservation[];
    expect(uncloaked).toMatchObject({
      canonicalName: 'jeejio.sc.omtrdc.net',
      canonicalNameBy: 'audit-resolver',
      cnameChain: ['metrics.jeejio.com', 'jeejio.sc.omtrdc.net'],
    });
    expect(untouched?.canonicalName).toBeUndefined();
    const classified = classifyObservation(uncloaked as NetworkObservation);
    expect(classified).toMatchObject({
      party: 'third-party',
      classification: { vendor: 'Adobe Analytics', purpose: 'statistics' },
    });
    expect(classified.classification.reason).toContain(
      "metrics.jeejio.com → jeejio.sc.omtrdc.net (its canonical name, as the audit's DNS resolver gave it)",
    );
  });

  it("keeps the browser's own canonical name", () => {
    const [kept] = withResolvedAliases(
      [request('https://metrics.jeejio.com/collect', { canonicalName: 'other.example.net' })],
      chains,
    ) as NetworkObservation[];
    expect(kept?.canonicalName).toBe('other.example.net');
    expect(kept?.canonicalNameBy).toBeUndefined();
  });

  it('shows every alias of a longer chain in the reason', () => {
    const longer = new Map([
      ['metrics.jeejio.com', ['metrics.jeejio.com', 'edge.jeejio-cdn.example', 'jeejio.sc.omtrdc.net']],
    ]);
    const [o] = withResolvedAliases([request('https://metrics.jeejio.com/collect')], longer);
    const { classification } = classifyObservation(o as NetworkObservation);
    expect(classification.reason).toContain(
      'metrics.jeejio.com → edge.jeejio-cdn.example → jeejio.sc.omtrdc.net',
    );
  });
});
