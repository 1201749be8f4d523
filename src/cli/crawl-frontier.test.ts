import { describe, expect, it } from 'vitest';
import { CrawlFrontier } from './crawl-frontier';

const drain = (frontier: CrawlFrontier) => {
  const out: string[] = [];
  for (let url = frontier.next(); url !== undefined; url = frontier.next()) out.push(url);
  return out;
};

describe('CrawlFrontier', () => {
  it('follows same-site links breadth-first, once each, within the page budget', () => {
    const frontier = new CrawlFrontier(['https://www.jeejio.com/'], 3);
    expect(frontier.next()).toBe('https://www.jeejio.com/');
    frontier.addLinks([
      'https://open.jeejio.com/',
      'https://www.jeejio.com/#top',
      'https://www.jeejio.com/clean#x',
      'https://ad.doubleclick.net/pixel',
      'javascript:alert(1)',
      'mailto:a@b.c',
      'not a url',
      'https://open.jeejio.com/',
      'https://iot.jeejio.com/shop',
    ]);
    expect(drain(frontier)).toEqual(['https://open.jeejio.com/', 'https://www.jeejio.com/clean']);
  });

  it("follows a single-page app's hash routes and router links, but not its anchors", () => {
    const frontier = new CrawlFrontier(['https://www.jeejio.com/app'], 10);
    frontier.next();
    frontier.addLinks([
      'https://www.jeejio.com/app#/profile',
      'https://www.jeejio.com/app#!/orders',
      'https://www.jeejio.com/app#pricing',
      'https://www.jeejio.com/app/ads',
      'https://www.jeejio.com/app/home#/profile',
      'https://www.jeejio.com/app#/profile',
    ]);
    expect(drain(frontier)).toEqual([
      'https://www.jeejio.com/app#/profile',
      'https://www.jeejio.com/app#!/orders',
      'https://www.jeejio.com/app/ads',
      'https://www.jeejio.com/app/home#/profile',
    ]);
  });

  it('stops at the budget even when links keep coming', () => {
    const frontier = new CrawlFrontier(['https://www.jeejio.com/'], 1);
    frontier.next();
    frontier.addLinks(['https://www.jeejio.com/a']);
    expect(frontier.next()).toBeUndefined();
  });
});
