/** Why a screenshot was taken: a monitored page was loaded, or a rule was first broken on it. */
export type ScreenshotReason = 'navigation' | 'first-violation';

/** A capture of the visible tab, stored while recording. */
export interface ScreenshotRecord {
  id: string;
  sessionId: string;
  visitId: string;
  pageUrl: string;
  takenAt: number;
  reason: ScreenshotReason;
  /** For a first violation: the rules first broken on the page in that judgement. */
  rules?: string[];
  png: Uint8Array<ArrayBuffer>;
  /** Lowercase hex SHA-256 of the PNG bytes, taken when stored. */
  sha256: string;
}
