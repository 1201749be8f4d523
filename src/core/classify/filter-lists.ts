import { FiltersEngine, Request, type RequestType } from '@ghostery/adblocker';
import { PURPOSES, type Purpose } from './purpose';

/*
 * Filter lists in EasyList / EasyPrivacy (Adblock Plus) syntax, imported by
 * the user and matched by Ghostery's maintained engine (@ghostery/adblocker,
 * MPL-2.0): no hand-written matching. Only network filters are loaded;
 * cosmetic and HTML filters say nothing about requests.
 *
 * No list ships with the project: the well-known lists are CC BY-SA or
 * GPL-licensed and tracker databases such as Ghostery's TrackerDB,
 * DuckDuckGo's Tracker Radar and Disconnect are CC BY-NC-SA, so the user
 * brings the lists they may use.
 */

export interface FilterListInput {
  /** Shown in reasons: "EasyPrivacy". */
  name: string;
  /** The list's text, one filter a line. */
  text: string;
  /** Purpose of what the list blocks (EasyList: advertising, EasyPrivacy: statistics); default 'unknown'. */
  purpose?: Purpose;
}

export interface FilterListMatch {
  /** Name of the list whose filter matched. */
  list: string;
  /** The filter, as written in the list. */
  filter: string;
  /** The purpose the caller gave the list. */
  purpose: Purpose;
}

export interface CompiledFilterList {
  name: string;
  purpose: Purpose;
  /** Network filters loaded (blocking and exception). */
  networkFilters: number;
}

export interface FilterListMatcher {
  readonly lists: readonly CompiledFilterList[];
  /**
   * The first list, in the order given, with a blocking filter for the
   * request that none of the same list's exception filters (@@) lifts; null
   * when none. `type` is the browser's resource type (script, image,
   * xmlhttprequest, ping, sub_frame…); when absent it is guessed from the URL.
   */
  match(request: { url: string; pageUrl: string; type?: string }): FilterListMatch | null;
}

/** The resource types of Chrome's and Firefox's webRequest, which the engine understands. */
const WEB_REQUEST_TYPES: ReadonlySet<string> = new Set<RequestType>([
  'main_frame',
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'object_subrequest',
  'xmlhttprequest',
  'xslt',
  'ping',
  'beacon',
  'xml_dtd',
  'csp_report',
  'media',
  'websocket',
  'imageset',
  'web_manifest',
  'speculative',
  'json',
  'other',
  // Names other APIs use for the same things.
  'fetch',
  'xhr',
  'document',
  'eventsource',
  'manifest',
  'texttrack',
]);

interface LoadedList extends CompiledFilterList {
  engine: FiltersEngine;
}

function loadList(list: FilterListInput): LoadedList {
  const engine = FiltersEngine.parse(list.text, {
    loadCosmeticFilters: false,
    loadCSPFilters: false,
    loadNetworkFilters: true,
    loadExceptionFilters: true,
    loadPreprocessors: true,
    enableHtmlFiltering: false,
    enableCompression: false,
    // Fusing filters would report a merged filter instead of the line the list has.
    enableOptimizations: false,
    enableInMemoryCache: true,
    // Keeps each filter's original line, so reasons quote the list itself.
    debug: true,
  });
  const purpose = list.purpose !== undefined && PURPOSES.includes(list.purpose) ? list.purpose : 'unknown';
  return {
    name: list.name,
    purpose,
    networkFilters: engine.getFilters().networkFilters.length,
    engine,
  };
}

/** Compiles filter lists once; matching a request then costs a few microseconds a list. */
export function compileFilterLists(lists: readonly FilterListInput[]): FilterListMatcher {
  const loaded = lists.map(loadList);
  return {
    lists: loaded.map(({ name, purpose, networkFilters }) => ({ name, purpose, networkFilters })),
    match({ url, pageUrl, type }) {
      if (loaded.length === 0) return null;
      const known = type !== undefined && WEB_REQUEST_TYPES.has(type);
      const request = Request.fromRawDetails({
        url,
        sourceUrl: pageUrl,
        type: known ? (type as RequestType) : 'other',
      });
      if (!request.isSupported) return null;
      if (!known) request.guessTypeOfRequest();
      for (const list of loaded) {
        const result = list.engine.match(request);
        if (result.match && result.filter) {
          return {
            list: list.name,
            filter: result.filter.rawLine ?? result.filter.toString(),
            purpose: list.purpose,
          };
        }
      }
      return null;
    },
  };
}
