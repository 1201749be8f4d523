import { hostGroup } from './catalog-helpers';
import type { HostCatalogEntry } from './catalog-types';

/*
 * Hosts of Chinese trackers and services beyond the core set in
 * host-catalog.ts. Ad and tracking hosts cite EasyList China, whose filters
 * name them (a public reference; no list data is bundled); services cite the
 * vendor's own site or developer documentation.
 *
 * qq.com, baidu.com's many products and alicdn.com serve far more than
 * tracking, so only the specific tracking hosts get a purpose.
 */
const SOURCE = {
  easylistChina: 'https://github.com/easylist/easylistchina',
  zhuge: 'https://docs.zhugeio.com/',
  zhugeSdk: 'https://github.com/zhugesdk/zhuge-js',
  talkingData: 'https://www.talkingdata.com/',
  jiguang: 'https://docs.jiguang.cn/',
  tencentBeacon: 'https://beacon.qq.com/',
  tencentRum: 'https://cloud.tencent.com/document/product/1464',
  tencentAegis: 'https://aegis.qq.com/',
  tencentAegisSdk: 'https://www.npmjs.com/package/aegis-web-sdk',
  tencentCaptcha: 'https://cloud.tencent.com/document/product/1110',
  tencentBugly: 'https://bugly.qq.com/',
  wechatJsSdk: 'https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html',
  wechatLogin: 'https://developers.weixin.qq.com/doc/oplatform/Website_App/WeChat_Login/Wechat_Login.html',
  qqConnect: 'https://wiki.connect.qq.com/',
  baiduPrivacy: 'https://www.baidu.com/duty/yinsiquan.html',
  baiduOcpc: 'https://ocpc.baidu.com/',
  bytedanceDomains: 'https://github.com/v2fly/domain-list-community/blob/master/data/bytedance',
  pangle: 'https://www.pangle.cn/',
  dataFinder: 'https://www.volcengine.com/docs/6285',
  kuaishouAds: 'https://e.kuaishou.com/',
  weiboOpen: 'https://open.weibo.com/',
  alibabaDomains: 'https://github.com/v2fly/domain-list-community/blob/master/data/alibaba',
  aliyunArms: 'https://www.alibabacloud.com/help/en/arms/',
  mob: 'https://www.mob.com/',
  sensorsData: 'https://github.com/sensorsdata/sa-sdk-javascript',
  udesk: 'https://www.udesk.cn/',
  meiqia: 'https://meiqia.com/',
  kf53: 'https://www.53kf.com/',
  qiyu: 'https://qiyukf.com/',
  geetest: 'https://docs.geetest.com/',
  yidun: 'https://dun.163.com/',
  la51: 'https://www.51.la/',
  zhihu: 'https://www.zhihu.com/term/privacy',
  bilibili: 'https://www.bilibili.com/blackboard/privacy-pc.html',
  xiaohongshu: 'https://www.xiaohongshu.com/',
} as const;

const CDN_NOTE = 'a content and script CDN; what it serves decides the purpose';

const ANALYTICS_AND_PUSH: readonly HostCatalogEntry[] = [
  ...hostGroup({ vendor: 'Zhuge.io', purpose: 'statistics', source: SOURCE.zhuge }, [
    'zhugeio.com',
    { domain: 'zhugeapi.com', note: 'Zhuge.io event collection (u.zhugeapi.com)', source: SOURCE.zhugeSdk },
    { domain: '37degree.com', note: 'Zhuge.io legacy script and collection hosts', source: SOURCE.zhugeSdk },
  ]),
  ...hostGroup({ vendor: 'TalkingData', purpose: 'statistics', source: SOURCE.easylistChina }, [
    'talkingdata.com',
    'tenddata.com',
  ]),
  ...hostGroup({ vendor: 'Sensors Data', purpose: 'statistics', source: SOURCE.sensorsData }, [
    'sensorsdata.com',
  ]),
  ...hostGroup({ vendor: '51.la', purpose: 'statistics', source: SOURCE.la51 }, ['51.la']),
  ...hostGroup(
    {
      vendor: 'JPush (Jiguang)',
      purpose: 'essential',
      recipient: 'push-notification',
      note: 'push notifications',
      source: SOURCE.jiguang,
    },
    ['jpush.io'],
  ),
  ...hostGroup({ vendor: 'MobTech (Mob.com)', purpose: 'unknown', source: SOURCE.mob }, [
    { domain: 'mob.com', note: 'MobTech SDKs (sharing, push, analytics, device identity)' },
  ]),
];

const TENCENT_MORE: readonly HostCatalogEntry[] = [
  ...hostGroup({ vendor: 'Tencent Beacon', purpose: 'statistics', source: SOURCE.tencentBeacon }, [
    { domain: 'beacon.qq.com', note: 'Tencent Beacon (灯塔) event reporting' },
  ]),
  ...hostGroup({ vendor: 'Tencent MTA', purpose: 'statistics', source: SOURCE.easylistChina }, [
    { domain: 'pingtcss.qq.com', note: 'Tencent Mobile Analytics (MTA) H5 reporting' },
    { domain: 'mta.qq.com', note: 'Tencent Mobile Analytics (MTA)' },
  ]),
  ...hostGroup(
    {
      vendor: 'Tencent Cloud RUM',
      purpose: 'statistics',
      note: 'front-end monitoring',
      source: SOURCE.tencentRum,
    },
    [
      'rumt-zh.com',
      { domain: 'aegis.qq.com', vendor: 'Tencent Aegis', source: SOURCE.tencentAegis },
      { domain: 'tamaegis.com', vendor: 'Tencent Aegis', source: SOURCE.tencentAegisSdk },
    ],
  ),
  ...hostGroup(
    {
      vendor: 'Tencent Bugly',
      purpose: 'statistics',
      note: 'crash and error reporting',
      source: SOURCE.tencentBugly,
    },
    ['bugly.qq.com'],
  ),
  ...hostGroup({ vendor: 'Tencent Ads', purpose: 'advertising', source: SOURCE.easylistChina }, [
    { domain: 'ad.qq.com', note: 'Tencent Advertising (广点通) platform' },
    { domain: 'pgdt.gtimg.cn', note: 'Tencent Ads (GDT) creatives and SDK' },
  ]),
  ...hostGroup({ vendor: 'Tencent', purpose: 'unknown', source: SOURCE.easylistChina }, [
    { domain: 'gtimg.cn', note: `Tencent static files, ${CDN_NOTE}` },
  ]),
  ...hostGroup({ vendor: 'WeChat', purpose: 'social', source: SOURCE.wechatJsSdk }, [
    { domain: 'res.wx.qq.com', note: 'WeChat JS-SDK (sharing, WeChat login and pay from web pages)' },
    { domain: 'res2.wx.qq.com', note: 'WeChat JS-SDK (backup host)' },
    { domain: 'open.weixin.qq.com', note: 'WeChat login (QR code sign-in)', source: SOURCE.wechatLogin },
  ]),
  ...hostGroup({ vendor: 'QQ Connect', purpose: 'social', source: SOURCE.qqConnect }, [
    { domain: 'connect.qq.com', note: 'QQ login and share' },
    { domain: 'graph.qq.com', note: 'QQ login API' },
    { domain: 'wpa.qq.com', note: 'QQ chat button' },
    { domain: 'qzone.qq.com', note: 'QZone sharing' },
  ]),
  ...hostGroup(
    { vendor: 'Tencent Captcha', purpose: 'essential', note: 'bot detection', source: SOURCE.tencentCaptcha },
    ['captcha.qq.com', 'turing.captcha.qcloud.com'],
  ),
];

const BAIDU_MORE: readonly HostCatalogEntry[] = [
  ...hostGroup({ vendor: 'Baidu Ads', purpose: 'advertising', source: SOURCE.easylistChina }, [
    { domain: 'pos.baidu.com', note: 'Baidu Union ad serving' },
    { domain: 'cpro.baidu.com', note: 'Baidu Union ad serving' },
    { domain: 'cbjs.baidu.com', note: 'Baidu Union ad scripts' },
    { domain: 'eclick.baidu.com', note: 'Baidu ad click tracking' },
    { domain: 'mobads.baidu.com', note: 'Baidu mobile ads' },
    { domain: 'union.baidu.com', note: 'Baidu Union (百度联盟)' },
    { domain: 'dup.baidustatic.com', note: 'Baidu Union ad scripts' },
    { domain: 'cpro.baidustatic.com', note: 'Baidu Union ad scripts' },
    { domain: 'ocpc.baidu.com', note: 'Baidu oCPC conversion tracking', source: SOURCE.baiduOcpc },
  ]),
  ...hostGroup({ vendor: 'Baidu Tongji', purpose: 'statistics', source: SOURCE.easylistChina }, [
    { domain: 'hmcdn.baidu.com', note: 'Baidu Tongji script CDN' },
  ]),
  ...hostGroup({ vendor: 'Baidu', purpose: 'statistics', source: SOURCE.easylistChina }, [
    { domain: 'nsclick.baidu.com', note: 'Baidu click logging' },
    {
      domain: 'passport.baidu.com',
      purpose: 'social',
      note: 'Baidu account login',
      source: SOURCE.baiduPrivacy,
    },
    { domain: 'bdimg.com', purpose: 'unknown', note: `Baidu static files, ${CDN_NOTE}` },
    { domain: 'bdstatic.com', purpose: 'unknown', note: `Baidu static files, ${CDN_NOTE}` },
  ]),
];

const SEARCH_PORTALS: readonly HostCatalogEntry[] = [
  ...hostGroup({ vendor: 'Sogou', purpose: 'unknown', source: SOURCE.easylistChina }, [
    'sogou.com',
    { domain: 'pb.sogou.com', purpose: 'statistics', note: 'Sogou ping-back statistics' },
    { domain: 'inte.sogou.com', purpose: 'advertising', note: 'Sogou Union ads' },
    { domain: 'lu.sogou.com', purpose: 'advertising', note: 'Sogou Union ads' },
  ]),
  ...hostGroup({ vendor: '360 (Qihoo)', purpose: 'unknown', source: SOURCE.easylistChina }, [
    '360.cn',
    'so.com',
    { domain: 'qhimg.com', note: `360 static files, ${CDN_NOTE}` },
    { domain: 's.360.cn', purpose: 'statistics', note: '360 statistics' },
    { domain: 'lianmeng.360.cn', purpose: 'advertising', note: '360 ad union' },
    { domain: 'mediav.com', purpose: 'advertising', note: '360 MediaV (聚效) ads' },
  ]),
];

const BYTEDANCE_MORE: readonly HostCatalogEntry[] = [
  ...hostGroup({ vendor: 'ByteDance', purpose: 'statistics', source: SOURCE.easylistChina }, [
    { domain: 'mcs.snssdk.com', note: 'ByteDance event collection (Tea / DataRangers)' },
    { domain: 'mon.snssdk.com', note: 'ByteDance performance monitoring' },
    { domain: 'toutiao.com', purpose: 'social', source: SOURCE.bytedanceDomains },
    {
      domain: 'byteimg.com',
      purpose: 'unknown',
      note: `ByteDance images, ${CDN_NOTE}`,
      source: SOURCE.bytedanceDomains,
    },
  ]),
  ...hostGroup({ vendor: 'DataFinder (Volcengine)', purpose: 'statistics', source: SOURCE.dataFinder }, [
    { domain: 'gator.volces.com', note: 'Volcengine DataFinder event collection' },
  ]),
  ...hostGroup({ vendor: 'Pangle (ByteDance)', purpose: 'advertising', source: SOURCE.pangle }, [
    'pangolin-sdk-toutiao.com',
    'pglstatp-toutiao.com',
  ]),
  ...hostGroup({ vendor: 'Kuaishou', purpose: 'social', source: SOURCE.kuaishouAds }, [
    'kuaishou.com',
    { domain: 'e.kuaishou.com', purpose: 'advertising', note: 'Kuaishou ad platform (磁力引擎)' },
    {
      domain: 'yximgs.com',
      purpose: 'unknown',
      note: `Kuaishou static files, ${CDN_NOTE}`,
      source: SOURCE.easylistChina,
    },
  ]),
];

const WEIBO_AND_SOCIAL: readonly HostCatalogEntry[] = [
  ...hostGroup({ vendor: 'Weibo (Sina)', purpose: 'social', source: SOURCE.weiboOpen }, [
    'weibo.com',
    'weibo.cn',
    { domain: 'sina.com.cn', purpose: 'unknown', note: 'Sina portal' },
    { domain: 'sinajs.cn', purpose: 'unknown', note: `Sina scripts, ${CDN_NOTE}` },
    { domain: 'sinaimg.cn', purpose: 'unknown', note: `Sina and Weibo images, ${CDN_NOTE}` },
    {
      domain: 'beacon.sina.com.cn',
      purpose: 'statistics',
      note: 'Sina statistics beacon',
      source: SOURCE.easylistChina,
    },
  ]),
  ...hostGroup({ vendor: 'Zhihu', purpose: 'social', source: SOURCE.zhihu }, ['zhihu.com']),
  ...hostGroup({ vendor: 'Bilibili', purpose: 'social', source: SOURCE.bilibili }, [
    { domain: 'bilibili.com', note: 'Bilibili, including embedded players' },
    { domain: 'hdslb.com', purpose: 'unknown', note: `Bilibili static files, ${CDN_NOTE}` },
  ]),
  ...hostGroup({ vendor: 'Xiaohongshu', purpose: 'social', source: SOURCE.xiaohongshu }, ['xiaohongshu.com']),
];

const ALIBABA_MORE: readonly HostCatalogEntry[] = [
  ...hostGroup(
    {
      vendor: 'Alibaba Cloud ARMS',
      purpose: 'statistics',
      note: 'front-end monitoring (RUM)',
      source: SOURCE.aliyunArms,
    },
    ['arms-retcode.aliyuncs.com', 'retcode.alicdn.com'],
  ),
  ...hostGroup({ vendor: 'Alibaba Cloud', purpose: 'unknown', source: SOURCE.alibabaDomains }, [
    { domain: 'aliyuncs.com', note: 'Alibaba Cloud services (object storage, APIs)' },
    { domain: 'aliyun.com', note: 'Alibaba Cloud' },
  ]),
  ...hostGroup({ vendor: 'Alibaba', purpose: 'advertising', source: SOURCE.easylistChina }, [
    { domain: 'tanx.com', note: 'Alibaba Tanx ad exchange' },
    { domain: 'alimama.com', note: 'Alimama, Alibaba’s ad platform' },
    {
      domain: 'ynuf.aliapp.org',
      purpose: 'fingerprinting',
      note: 'Alibaba UMID device-fingerprint collection',
    },
  ]),
];

const SERVICE_AND_SECURITY: readonly HostCatalogEntry[] = [
  ...hostGroup(
    { vendor: 'Udesk', purpose: 'essential', note: 'customer-service chat', source: SOURCE.udesk },
    ['udesk.cn'],
  ),
  ...hostGroup(
    { vendor: 'Meiqia', purpose: 'essential', note: 'customer-service chat', source: SOURCE.meiqia },
    ['meiqia.com'],
  ),
  ...hostGroup({ vendor: '53KF', purpose: 'essential', note: 'customer-service chat', source: SOURCE.kf53 }, [
    '53kf.com',
  ]),
  ...hostGroup(
    { vendor: 'NetEase Qiyu', purpose: 'essential', note: 'customer-service chat', source: SOURCE.qiyu },
    ['qiyukf.com'],
  ),
  ...hostGroup(
    { vendor: 'Geetest', purpose: 'essential', note: 'bot detection (captcha)', source: SOURCE.geetest },
    ['geetest.com'],
  ),
  ...hostGroup(
    { vendor: 'NetEase Yidun', purpose: 'essential', note: 'bot detection (captcha)', source: SOURCE.yidun },
    ['dun.163.com'],
  ),
];

/** Chinese trackers and services, beyond the core set. */
export const CHINA_HOSTS: readonly HostCatalogEntry[] = [
  ...ANALYTICS_AND_PUSH,
  ...TENCENT_MORE,
  ...BAIDU_MORE,
  ...SEARCH_PORTALS,
  ...BYTEDANCE_MORE,
  ...WEIBO_AND_SOCIAL,
  ...ALIBABA_MORE,
  ...SERVICE_AND_SECURITY,
];
