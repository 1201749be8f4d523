import { type Phrase, phrase } from './phrase';

/**
 * A company's or product's name in a sentence: catalogue data, not page data,
 * so an interface may give the name its readers know it by (百度统计 for
 * Baidu Tongji); reports keep the catalogue's name.
 */
export function vendorName(name: string): Phrase {
  return phrase('vendor_name', name);
}

/**
 * The catalogue key of a vendor's name as readers know it, where the message
 * catalogues have one: `vendor_name_baidu_tongji` for "Baidu Tongji".
 */
export function vendorMessageKey(name: string): string {
  return `vendor_name_${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')}`;
}
