import type { CookieCatalogEntry, HostCatalogEntry, NameMatch } from './catalog-types';
import type { EssentialRole, Purpose } from './purpose';

/** One entry of a group: how it matches, what it is; anything else overrides the group's defaults. */
export type EntrySpec = ({ name: string } | { prefix: string } | { pattern: string }) & {
  description: string;
  vendor?: string;
  purpose?: Purpose;
  role?: EssentialRole;
  crossSite?: boolean;
  source?: string;
};

interface GroupDefaults {
  vendor: string;
  purpose: Purpose;
  source: string;
  role?: EssentialRole;
}

function nameMatchOf(spec: EntrySpec): NameMatch {
  if ('name' in spec) return { exact: spec.name };
  if ('prefix' in spec) return { prefix: spec.prefix };
  return { pattern: spec.pattern };
}

/** Catalogue entries of one vendor (or one kind), written compactly. */
export function cookieGroup(defaults: GroupDefaults, specs: readonly EntrySpec[]): CookieCatalogEntry[] {
  return specs.map((spec) => {
    const purpose = spec.purpose ?? defaults.purpose;
    const role = spec.role ?? (purpose === defaults.purpose ? defaults.role : undefined);
    return {
      match: nameMatchOf(spec),
      vendor: spec.vendor ?? defaults.vendor,
      purpose,
      ...(role !== undefined && { role }),
      ...(spec.crossSite && { crossSite: true }),
      description: spec.description,
      source: spec.source ?? defaults.source,
    };
  });
}

/** Host entries of one vendor, written compactly: a bare domain or a domain with overrides. */
export function hostGroup(
  defaults: Omit<HostCatalogEntry, 'domain'>,
  hosts: readonly (string | (Partial<HostCatalogEntry> & { domain: string }))[],
): HostCatalogEntry[] {
  return hosts.map((host) =>
    typeof host === 'string' ? { ...defaults, domain: host } : { ...defaults, ...host },
  );
}
