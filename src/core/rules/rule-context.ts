import type { FilterListMatcher } from '../classify/filter-lists';
import { cookiesCarriedByRequests } from '../classify/identifier-heuristics';
import {
  findPersonalData,
  type PersonalDataMatch,
  type PreparedCanaries,
} from '../personal-data/find-personal-data';
import type { PolicyModel } from '../policy/policy-model';
import type {
  ClassifiedCookie,
  ClassifiedFingerprint,
  ClassifiedNetwork,
  ClassifiedObservation,
  ClassifiedPolicyText,
  ClassifiedStorage,
} from './classified-observation';
import { findSdkProbes, type SdkProbe } from './sdk-probes';

/** Evidence enough to show where a value came from; the request itself is the proof. */
const MAX_COOKIES_PER_REQUEST = 10;

export interface RuleContextOptions {
  /** The user's own phone number and email, to be found wherever they leak. */
  canaries?: PreparedCanaries;
  /** Filter lists the user imported, consulted for requests the catalogue does not know. */
  filterLists?: FilterListMatcher;
}

/**
 * Everything the rules read, indexed once. Expensive derived facts (personal
 * data in a value, identifiers shared with third parties) are computed on
 * first use and cached, because several rules ask for them.
 *
 * SDK probes (a cookie or key written and removed at once to test support)
 * are found once here and left out of `cookies` and `storage`, so no rule
 * judges them as tracking; `probes` lists them for the report.
 */
export class RuleContext {
  /** Every cookie observation except SDK probes. */
  readonly cookies: ClassifiedCookie[];
  /** Every storage observation except SDK probes. */
  readonly storage: ClassifiedStorage[];
  readonly probes: readonly SdkProbe[];
  readonly network: ClassifiedNetwork[] = [];
  readonly fingerprints: ClassifiedFingerprint[] = [];
  readonly policyTexts: ClassifiedPolicyText[] = [];
  private cookiesByRequest: Map<string, string[]> | undefined;
  private readonly declaredStorageKeys: RegExp[];

  constructor(
    readonly policy: PolicyModel,
    readonly observations: readonly ClassifiedObservation[],
    private readonly options: RuleContextOptions = {},
  ) {
    const cookies: ClassifiedCookie[] = [];
    const storage: ClassifiedStorage[] = [];
    for (const o of observations) {
      switch (o.observation.kind) {
        case 'cookie':
          cookies.push(o as ClassifiedCookie);
          break;
        case 'storage':
          storage.push(o as ClassifiedStorage);
          break;
        case 'request':
        case 'beacon':
          this.network.push(o as ClassifiedNetwork);
          break;
        case 'fingerprint':
          this.fingerprints.push(o as ClassifiedFingerprint);
          break;
        case 'policy-text':
          this.policyTexts.push(o as ClassifiedPolicyText);
          break;
      }
    }
    const { probes, probeIds } = findSdkProbes(cookies, storage);
    this.probes = probes;
    this.cookies = probeIds.size === 0 ? cookies : cookies.filter((c) => !probeIds.has(c.observation.id));
    this.storage = probeIds.size === 0 ? storage : storage.filter((s) => !probeIds.has(s.observation.id));
    this.declaredStorageKeys = declaredStorageKeyPatterns(policy);
  }

  /** Personal data in the value an observation carries (cookie or storage value, request URL and body). */
  personalData(o: ClassifiedObservation): readonly PersonalDataMatch[] {
    // Classified observations are made afresh for each evaluation, so a weak cache keyed by them never goes stale.
    const cached = personalDataFound.get(o);
    if (cached) return cached;
    const found = scanFor(o, this.options.canaries);
    personalDataFound.set(o, found);
    return found;
  }

  /** Whether the policy declares this storage key (search history, §2 line 46). */
  isDeclaredStorageKey(key: string): boolean {
    return this.declaredStorageKeys.some((re) => re.test(key));
  }

  /**
   * Ids of (a few of) the first-party cookies whose identifier value this
   * third-party request carries; empty when it carries none.
   */
  cookieIdsSentIn(requestId: string): readonly string[] {
    this.cookiesByRequest ??= cookiesCarriedByRequests(
      this.cookies
        .filter((c) => c.party === 'first-party' && c.observation.action !== 'removed')
        .map((c) => ({ id: c.observation.id, value: c.observation.value })),
      this.network
        .filter((n) => n.party === 'third-party')
        .map((n) => ({
          id: n.observation.id,
          url: n.observation.url,
          ...(n.observation.requestBody !== undefined && { body: n.observation.requestBody }),
        })),
      MAX_COOKIES_PER_REQUEST,
    );
    return this.cookiesByRequest.get(requestId) ?? [];
  }

  isFirstPartyHost(host: string): boolean {
    const h = host.toLowerCase().replace(/^\./, '');
    return this.policy.firstPartyDomains.some((d) => h === d || h.endsWith(`.${d}`));
  }
}

function scanFor(
  o: ClassifiedObservation,
  canaries: PreparedCanaries | undefined,
): readonly PersonalDataMatch[] {
  const options = canaries ? { canaries } : {};
  switch (o.observation.kind) {
    case 'cookie':
      return findPersonalData(o.observation.value, { ...options, name: o.observation.name });
    case 'storage':
      return findPersonalData(o.observation.value, { ...options, name: o.observation.key });
    case 'request':
    case 'beacon': {
      const inUrl = findPersonalData(queryOf(o.observation.url), options);
      const body = o.observation.requestBody;
      return body ? [...inUrl, ...findPersonalData(body, options)] : inUrl;
    }
    case 'fingerprint':
    case 'policy-text':
      return [];
  }
}

/** Only the query and fragment carry data; the path is the endpoint. */
function queryOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? '' : url.slice(q + 1);
}

const personalDataFound = new WeakMap<ClassifiedObservation, readonly PersonalDataMatch[]>();

const storageKeyPatterns = new WeakMap<PolicyModel, RegExp[]>();

function declaredStorageKeyPatterns(policy: PolicyModel): RegExp[] {
  let patterns = storageKeyPatterns.get(policy);
  if (!patterns) {
    patterns = policy.declaredLocalStorageKeys.map((source) => new RegExp(source, 'i'));
    storageKeyPatterns.set(policy, patterns);
  }
  return patterns;
}
