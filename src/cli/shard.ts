import { UsageError } from '../harness/usage-error';

/** Which part of the URL list this run audits: the 1-based `index` of `total`, as Playwright's --shard. */
export interface Shard {
  index: number;
  total: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) {
    throw new UsageError(`--shard takes i/n with 1 ≤ i ≤ n (such as 2/4), not ${text}`);
  }
  return { index, total };
}

/**
 * The shard's part of the list: n contiguous slices in list order, the first
 * (length mod n) of them one URL longer, as Playwright splits its tests. The
 * same list and shard give the same slice on every machine, and the n slices
 * together hold every URL exactly once.
 */
export function shardUrls<T>(urls: readonly T[], { index, total }: Shard): T[] {
  const base = Math.floor(urls.length / total);
  const longer = urls.length % total;
  const start = (index - 1) * base + Math.min(index - 1, longer);
  const length = base + (index <= longer ? 1 : 0);
  return urls.slice(start, start + length);
}
