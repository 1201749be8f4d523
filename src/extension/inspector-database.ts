import Dexie, { type Table } from 'dexie';
import type { Observation, PageVisit } from '../observations/observation';

/**
 * The extension's own IndexedDB, opened only in the background: a content
 * script's IndexedDB would belong to the page's origin, where the page can
 * read and wipe it.
 */
export class InspectorDatabase extends Dexie {
  observations!: Table<Observation, string>;
  visits!: Table<PageVisit, string>;

  constructor(name = 'jeejio-privacy-inspector') {
    super(name);
    this.version(1).stores({
      observations: 'id, visitId, tabId, observedAt, kind',
      visits: 'visitId, tabId, startedAt',
    });
  }
}
