import { describe, expect, it } from 'vitest';
import { classifyHost } from './classify-host';
import type { Purpose } from './purpose';

/*
 * The services the catalogue is expected to know, global and Chinese: a host
 * each, with its purpose. Guards against an entry silently going missing.
 */
describe('host catalogue coverage', () => {
  it.each<[host: string, vendor: string, purpose: Purpose]>([
    ['static.criteo.net', 'Criteo', 'advertising'],
    ['trc.taboola.com', 'Taboola', 'advertising'],
    ['widgets.outbrain.com', 'Outbrain', 'advertising'],
    ['ib.adnxs.com', 'Xandr (Microsoft)', 'advertising'],
    ['insight.adsrvr.org', 'The Trade Desk', 'advertising'],
    ['pixel.quantserve.com', 'Quantcast', 'advertising'],
    ['dpm.demdex.net', 'Adobe Audience Manager', 'advertising'],
    ['example.sc.omtrdc.net', 'Adobe Analytics', 'statistics'],
    ['api.segment.io', 'Segment', 'statistics'],
    ['cdn.heapanalytics.com', 'Heap (Contentsquare)', 'statistics'],
    ['edge.fullstory.com', 'FullStory', 'session-replay'],
    ['r.lr-ingest.io', 'LogRocket', 'session-replay'],
    ['cdn.mouseflow.com', 'Mouseflow', 'session-replay'],
    ['script.crazyegg.com', 'Crazy Egg', 'session-replay'],
    ['rec.smartlook.com', 'Smartlook', 'session-replay'],
    ['bam.nr-data.net', 'New Relic', 'statistics'],
    ['browser-intake-datadoghq.com', 'Datadog RUM', 'statistics'],
    ['o123.ingest.sentry.io', 'Sentry', 'statistics'],
    ['widget.intercom.io', 'Intercom', 'essential'],
    ['static.zdassets.com', 'Zendesk', 'essential'],
    ['js.driftt.com', 'Drift (Salesloft)', 'essential'],
    ['js.hs-scripts.com', 'HubSpot', 'advertising'],
    ['munchkin.marketo.net', 'Marketo (Adobe)', 'advertising'],
    ['ct.pinterest.com', 'Pinterest', 'advertising'],
    ['static.ads-twitter.com', 'X (Twitter)', 'advertising'],
    ['x.com', 'X (Twitter)', 'social'],
    ['tr.snapchat.com', 'Snap', 'advertising'],
    ['alb.reddit.com', 'Reddit', 'advertising'],
    ['q.quora.com', 'Quora', 'advertising'],
    ['sp.analytics.yahoo.com', 'Yahoo', 'advertising'],
    ['example.matomo.cloud', 'Matomo', 'statistics'],
    ['plausible.io', 'Plausible', 'statistics'],
    ['cloud.umami.is', 'Umami', 'statistics'],
    ['static.cloudflareinsights.com', 'Cloudflare Web Analytics', 'statistics'],
    ['va.vercel-scripts.com', 'Vercel Web Analytics', 'statistics'],
    // Chinese
    ['sdk.zhugeio.com', 'Zhuge.io', 'statistics'],
    ['jic.talkingdata.com', 'TalkingData', 'statistics'],
    ['sdk.open.getui.com', 'Getui', 'essential'],
    ['api.jpush.cn', 'JPush (Jiguang)', 'essential'],
    ['otheve.beacon.qq.com', 'Tencent Beacon', 'statistics'],
    ['pingtcss.qq.com', 'Tencent MTA', 'statistics'],
    ['mi.gdt.qq.com', 'Tencent Ads', 'advertising'],
    ['pos.baidu.com', 'Baidu Ads', 'advertising'],
    ['cpro.baidu.com', 'Baidu Ads', 'advertising'],
    ['pb.sogou.com', 'Sogou', 'statistics'],
    ['s.360.cn', '360 (Qihoo)', 'statistics'],
    ['analytics.oceanengine.com', 'Ocean Engine (ByteDance)', 'advertising'],
    ['mcs.snssdk.com', 'ByteDance', 'statistics'],
    ['e.kuaishou.com', 'Kuaishou', 'advertising'],
    ['weibo.com', 'Weibo (Sina)', 'social'],
    ['res.wx.qq.com', 'WeChat', 'social'],
    ['log.mmstat.com', 'Alibaba', 'statistics'],
    ['arms-retcode.aliyuncs.com', 'Alibaba Cloud ARMS', 'statistics'],
    ['api.share.mob.com', 'MobTech (Mob.com)', 'unknown'],
    ['alog.umeng.com', 'Umeng (CNZZ)', 'statistics'],
    ['umengcloud.com', 'Umeng (CNZZ)', 'statistics'],
    ['s4.cnzz.com', 'Umeng (CNZZ)', 'statistics'],
    ['static.sensorsdata.cn', 'Sensors Data', 'statistics'],
    ['assets.giocdn.com', 'GrowingIO', 'statistics'],
    ['assets-cli.udesk.cn', 'Udesk', 'essential'],
    ['static.meiqia.com', 'Meiqia', 'essential'],
    ['tb.53kf.com', '53KF', 'essential'],
  ])('%s is %s (%s)', (host, vendor, purpose) => {
    expect(classifyHost(host)).toMatchObject({ vendor, purpose });
  });

  it.each([
    ['alipay.com', 'payment'],
    ['api.jpush.cn', 'push-notification'],
    ['jpush.io', 'push-notification'],
    ['sdk.open.getui.com', 'push-notification'],
  ])('keeps the allowed recipient %s marked %s', (host, recipient) => {
    expect(classifyHost(host)?.recipient).toBe(recipient);
  });

  it('leaves the many non-tracking qq.com and alicdn.com hosts without a purpose', () => {
    expect(classifyHost('weixin.qq.com')).toBeUndefined();
    expect(classifyHost('g.alicdn.com')).toMatchObject({ vendor: 'Alibaba', purpose: 'unknown' });
  });
});
