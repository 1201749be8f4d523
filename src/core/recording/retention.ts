import * as v from 'valibot';

/** How long observations outside recorded sessions are kept; sessions are kept until the user deletes them. */
export const DEFAULT_RETENTION_DAYS = 30;
export const MAX_RETENTION_DAYS = 3650;
/** Retention is applied when the worker starts if it last ran longer ago than this (no alarms permission needed). */
export const RETENTION_INTERVAL_MS = 12 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const RetentionSchema = v.strictObject({
  days: v.pipe(
    v.number(),
    v.integer('Enter a whole number of days.'),
    v.minValue(1),
    v.maxValue(MAX_RETENTION_DAYS),
  ),
  lastAppliedAt: v.optional(v.number()),
});

export type RetentionSetting = v.InferOutput<typeof RetentionSchema>;

/** What saving the setting did: the observations it deleted at once, or why it was refused. */
export type RetentionResult = { days: number; deleted: number } | { problem: string };

/** The stored setting, or the default with the reason it was not usable. */
export function parseRetention(raw: unknown): { setting: RetentionSetting; problem?: string } {
  if (raw === undefined) return { setting: { days: DEFAULT_RETENTION_DAYS } };
  const result = v.safeParse(RetentionSchema, raw);
  if (result.success) return { setting: result.output };
  return {
    setting: { days: DEFAULT_RETENTION_DAYS },
    problem: result.issues.map((i) => i.message).join('; '),
  };
}

/** A number of days as typed in the options page, checked. */
export function parseRetentionDays(raw: unknown): { days: number } | { problem: string } {
  const result = v.safeParse(RetentionSchema.entries.days, raw);
  return result.success
    ? { days: result.output }
    : { problem: `${result.issues.map((i) => i.message).join('; ')} (1 to ${MAX_RETENTION_DAYS} days)` };
}

/** Observations seen before this moment (epoch ms) are past retention. */
export function retentionCutoff(now: number, days: number): number {
  return now - days * DAY_MS;
}

export function retentionDue(setting: RetentionSetting, now: number): boolean {
  return setting.lastAppliedAt === undefined || now - setting.lastAppliedAt >= RETENTION_INTERVAL_MS;
}
