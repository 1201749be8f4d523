import * as v from 'valibot';

/**
 * The extension's "Trusted timestamps" setting: the URL of the RFC 3161
 * time-stamping authority (TSA) each exported bundle's manifest is sent to.
 * Stored only while it is on; no setting means nothing is sent anywhere.
 */
export const MAX_TSA_URL_LENGTH = 2048;

/** Why a typed TSA address cannot be used, as the options page words it. */
export type TsaUrlProblem = 'empty' | 'too-long' | 'not-a-url' | 'scheme' | 'credentials';

// Each action's message is the problem's name: the first one met is what the user is told.
const TsaUrlSchema = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty<string, TsaUrlProblem>('empty'),
  v.maxLength<string, number, TsaUrlProblem>(MAX_TSA_URL_LENGTH, 'too-long'),
  v.url<string, TsaUrlProblem>('not-a-url'),
  // A TSA speaks RFC 3161 over HTTP (§3.4); another scheme is no TSA the extension can reach.
  v.check<string, TsaUrlProblem>((text) => /^https?:$/.test(new URL(text).protocol), 'scheme'),
  // Browsers' URL parsers differ: Chromium takes "exa mple.com" as the host "exa%20mple.com". A host
  // name is letters, digits, dots and hyphens (or an IP literal): anything else is no address to reach.
  v.check<string, TsaUrlProblem>(
    (text) => /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(new URL(text).hostname),
    'not-a-url',
  ),
  // fetch refuses a URL with a user name or password in it, and the page would show them.
  v.check<string, TsaUrlProblem>((text) => {
    const url = new URL(text);
    return url.username === '' && url.password === '';
  }, 'credentials'),
);

const TimestampSettingSchema = v.strictObject({ tsaUrl: TsaUrlSchema });

export type TimestampSetting = v.InferOutput<typeof TimestampSettingSchema>;

/** A typed TSA address as a URL, or the first reason it is none. */
export function checkTsaUrl(text: string): { url: URL } | { problem: TsaUrlProblem } {
  const result = v.safeParse(TsaUrlSchema, text, { abortEarly: true });
  if (result.success) return { url: new URL(result.output) };
  return { problem: (result.issues[0]?.message ?? 'not-a-url') as TsaUrlProblem };
}

/** The stored setting, or null when it is off or unreadable (then nothing is sent: off is the safe reading). */
export function parseTimestampSetting(raw: unknown): TimestampSetting | null {
  const result = v.safeParse(TimestampSettingSchema, raw);
  return result.success ? result.output : null;
}

/**
 * The host permission the extension asks for to reach a TSA: its scheme and
 * host, nothing wider. Without a port, because Firefox's match patterns take
 * none (Chrome's then match every port of the host, as Firefox's do).
 */
export function tsaAccessPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/** What turning trusted timestamps on needs of the browser: access to the TSA's host, and storage. */
export interface TimestampSwitch {
  requestAccess(pattern: string): Promise<boolean>;
  save(setting: TimestampSetting): Promise<void>;
}

/**
 * Turning trusted timestamps on with a typed TSA address: refused at once
 * when it is no usable address; else the browser is asked for the TSA's host
 * within this very call (browsers ask only during the click, and Firefox
 * counts any await before as leaving it), and the setting is saved only if
 * access is granted. A refusal leaves it off: nothing is stored.
 */
export function turnOnTimestamps(
  typed: string,
  browser: TimestampSwitch,
): { problem: TsaUrlProblem } | { url: URL; done: Promise<{ on: TimestampSetting } | { refused: true }> } {
  const checked = checkTsaUrl(typed);
  if ('problem' in checked) return checked;
  const { url } = checked;
  const asked = browser.requestAccess(tsaAccessPattern(url));
  const done = asked.then(async (granted) => {
    if (!granted) return { refused: true } as const;
    const setting = { tsaUrl: url.href };
    await browser.save(setting);
    return { on: setting };
  });
  return { url, done };
}
