import type { VendorTable } from '../vendor-table';
import { AMPLITUDE } from './amplitude';
import { BAIDU_TONGJI } from './baidu-tongji';
import { GOOGLE_ANALYTICS_4 } from './google-analytics-4';
import { GOOGLE_ANALYTICS_UNIVERSAL } from './google-analytics-universal';
import { GROWINGIO } from './growingio';
import { META_PIXEL } from './meta-pixel';
import { MIXPANEL } from './mixpanel';
import { POSTHOG } from './posthog';
import { SEGMENT } from './segment';
import { SENSORS_DATA } from './sensors-data';
import { TENCENT_AEGIS } from './tencent-aegis';
import { TIKTOK_PIXEL } from './tiktok-pixel';

/** Every vendor table; an endpoint match wins over a signature, and earlier tables over later ones. */
export const VENDOR_TABLES: readonly VendorTable[] = [
  GOOGLE_ANALYTICS_4,
  GOOGLE_ANALYTICS_UNIVERSAL,
  META_PIXEL,
  TIKTOK_PIXEL,
  MIXPANEL,
  POSTHOG,
  AMPLITUDE,
  SEGMENT,
  SENSORS_DATA,
  GROWINGIO,
  BAIDU_TONGJI,
  TENCENT_AEGIS,
];
