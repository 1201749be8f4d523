import { describe, expect, it } from 'vitest';
import { classifyHost } from './classify-host';

describe('classifyHost', () => {
  it.each([
    ['hm.baidu.com', 'Baidu Tongji', 'statistics'],
    ['HM.BAIDU.COM', 'Baidu Tongji', 'statistics'],
    ['.hm.baidu.com', 'Baidu Tongji', 'statistics'],
    ['baidu.com', 'Baidu', 'unknown'],
    ['www.baidu.com', 'Baidu', 'unknown'],
    ['.doubleclick.net', 'Google', 'advertising'],
    ['stats.g.doubleclick.net', 'Google', 'advertising'],
    ['region1.google-analytics.com', 'Google Analytics', 'statistics'],
    ['connect.facebook.net', 'Meta', 'advertising'],
    ['www.facebook.com', 'Meta', 'social'],
    ['analytics.tiktok.com', 'TikTok (ByteDance)', 'advertising'],
    ['www.tiktok.com', 'TikTok (ByteDance)', 'social'],
    ['bat.bing.com', 'Microsoft Advertising (Bing)', 'advertising'],
    ['www.bing.com', 'Microsoft (Bing)', 'unknown'],
    ['mc.yandex.ru', 'Yandex Metrica', 'statistics'],
    ['log.mmstat.com', 'Alibaba', 'statistics'],
    ['script.hotjar.com', 'Hotjar', 'session-replay'],
    ['pay.weixin.qq.com', 'WeChat Pay', 'essential'],
    ['gdt.qq.com', 'Tencent Ads', 'advertising'],
    ['api.jpush.cn', 'JPush (Jiguang)', 'essential'],
    ['hm.baidu.com.', 'Baidu Tongji', 'statistics'],
  ])('%s → %s (%s)', (host, vendor, purpose) => {
    const entry = classifyHost(host);
    expect(entry?.vendor).toBe(vendor);
    expect(entry?.purpose).toBe(purpose);
  });

  it('picks the most specific entry: hm.baidu.com over baidu.com', () => {
    expect(classifyHost('hm.baidu.com')?.domain).toBe('hm.baidu.com');
    expect(classifyHost('pan.baidu.com')?.domain).toBe('baidu.com');
  });

  it('gives the payment recipient to WeChat Pay only, not to every qq.com host', () => {
    expect(classifyHost('pay.weixin.qq.com')?.recipient).toBe('payment');
    expect(classifyHost('weixin.qq.com')).toBeUndefined();
  });

  it.each([
    ['www.jeejio.com'],
    ['jeejio.com'],
    ['notbaidu.com'],
    ['baidu.com.evil.example'],
    ['com'],
    [''],
    ['.'],
    ['localhost'],
    ['127.0.0.1'],
  ])('does not classify %j', (host) => {
    expect(classifyHost(host)).toBeUndefined();
  });

  it('stays fast on a huge host made of many labels', () => {
    const huge = `${'a.'.repeat(500_000)}hm.baidu.com`;
    const started = performance.now();
    expect(classifyHost(huge)?.domain).toBe('hm.baidu.com');
    expect(classifyHost(`${'a.'.repeat(500_000)}a`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(500);
  });
});
