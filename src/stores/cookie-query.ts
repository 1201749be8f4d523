/**
 * A filter for the cookies API that finds what the page would see in every
 * browser: Firefox with first-party isolation on (privacy.firstparty.isolate)
 * refuses a query that names no first-party domain, and answers `null` with
 * the cookies of every one; Chrome knows no such field and would refuse it.
 */
export function cookieQuery<Filter extends object>(filter: Filter): Filter & { firstPartyDomain?: null } {
  return import.meta.env.BROWSER === 'firefox' ? { ...filter, firstPartyDomain: null } : filter;
}

/**
 * The same for the popup's "clear this site's cookies", which must also find
 * the site's cookies Firefox keeps partitioned under other sites (Total
 * Cookie Protection): `partitionKey: {}` asks for every partition.
 */
export function cookieQueryAllPartitions<Filter extends object>(
  filter: Filter,
): Filter & { firstPartyDomain?: null; partitionKey?: Record<string, never> } {
  return import.meta.env.BROWSER === 'firefox' ? { ...cookieQuery(filter), partitionKey: {} } : filter;
}
