import type { Migration } from './migration';

/** The first schema: what the browser saw, and the page visits it belongs to. */
export const initialSchema: Migration = {
  version: 1,
  date: '2026-11-25',
  description: 'Observations and page visits',
  stores: {
    observations: 'id, visitId, tabId, observedAt, kind',
    visits: 'visitId, tabId, startedAt',
  },
};
