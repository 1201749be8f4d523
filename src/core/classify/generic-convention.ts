/**
 * Vendor name of entries that describe a naming convention rather than a
 * product. Such a match says what a first-party cookie probably is; when the
 * cookie lives on a known vendor's host, the host is better evidence.
 */
export const GENERIC_CONVENTION_VENDOR = 'Generic (first-party convention)';
