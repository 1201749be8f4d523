import * as v from 'valibot';
import { PURPOSES } from '../classify/purpose';

/**
 * What the user sets on the options page: their own contact details to be
 * found wherever they leak (canaries), and filter lists to classify requests
 * the catalogue does not know. Kept in the extension's local storage only;
 * reports name a canary by its label, never by its value.
 */
export const MAX_CANARIES = 6;
export const MAX_FILTER_LISTS = 5;
export const MAX_FILTER_LIST_CHARS = 3_000_000;

export const CanarySchema = v.strictObject({
  kind: v.picklist(['phone', 'email']),
  value: v.pipe(v.string(), v.trim(), v.minLength(3), v.maxLength(254)),
  label: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(60)),
});

export const FilterListSchema = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
  purpose: v.picklist(PURPOSES),
  text: v.pipe(v.string(), v.maxLength(MAX_FILTER_LIST_CHARS)),
});

const UserSettingsSchema = v.strictObject({
  canaries: v.pipe(v.array(CanarySchema), v.maxLength(MAX_CANARIES)),
  filterLists: v.pipe(v.array(FilterListSchema), v.maxLength(MAX_FILTER_LISTS)),
});

export type UserSettings = v.InferOutput<typeof UserSettingsSchema>;
export type CanarySetting = UserSettings['canaries'][number];
export type FilterListSetting = UserSettings['filterLists'][number];

export const DEFAULT_SETTINGS: UserSettings = { canaries: [], filterLists: [] };

/** Settings as stored, or the problems that make them unusable, in words a user can act on. */
export function parseUserSettings(raw: unknown): { settings: UserSettings } | { problems: string[] } {
  const result = v.safeParse(UserSettingsSchema, raw);
  if (result.success) return { settings: result.output };
  return {
    problems: result.issues.map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  };
}

/** What a setting may hold that a user would type wrong: checked before saving. */
export function checkCanary(kind: 'phone' | 'email', value: string): string | null {
  const text = value.trim();
  if (kind === 'phone')
    return /^\+?\d[\d\s-]{5,18}\d$/.test(text) ? null : 'Enter a phone number: digits, spaces or dashes.';
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? null : 'Enter an email address such as name@example.com.';
}
