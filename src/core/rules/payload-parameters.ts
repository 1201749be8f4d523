/**
 * The named values a request carries: query parameters, form fields, and the
 * top-level fields of a JSON body. Analytics beacons put what they collect
 * there, so rules judge a beacon by these names and values.
 */
export function payloadParameters(url: string, body?: string): Map<string, string> {
  const params = new Map<string, string>();
  const q = url.indexOf('?');
  if (q !== -1) addQuery(params, url.slice(q + 1).split('#')[0] ?? '');
  if (body) {
    const trimmed = body.trimStart();
    if (trimmed.startsWith('{')) addJson(params, trimmed);
    else if (/^[^=&\s]{1,100}=/.test(trimmed)) addQuery(params, trimmed);
  }
  return params;
}

const MAX_PARAMS = 500;

function addQuery(params: Map<string, string>, query: string): void {
  for (const pair of query.split('&')) {
    if (params.size >= MAX_PARAMS) return;
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    if (name && !params.has(name)) params.set(name, value);
  }
}

function addJson(params: Map<string, string>, text: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(0, 65_536));
  } catch {
    return;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
  for (const [name, value] of Object.entries(parsed)) {
    if (params.size >= MAX_PARAMS) return;
    if (typeof value === 'string' || typeof value === 'number') params.set(name, String(value));
  }
}

function decode(text: string): string {
  // Most names and values carry no escapes; decoding them would only allocate.
  if (!text.includes('%') && !text.includes('+')) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Parameter names that name the user or account, not the page. */
const USER_IDENTIFIER_NAMES = new Set([
  'uid',
  'userid',
  'user_id',
  'user',
  'username',
  'login_id',
  'loginid',
  'account',
  'account_id',
  'accountid',
  'member_id',
  'memberid',
  'customer_id',
  'customerid',
  'openid',
  'unionid',
]);

/** Parameter names of form fields that hold personal details. */
const FORM_FIELD_NAMES = new Set([
  'password',
  'passwd',
  'pwd',
  'phone',
  'mobile',
  'tel',
  'telephone',
  'email',
  'idcard',
  'id_card',
  'idno',
  'id_number',
  'realname',
  'real_name',
  'fullname',
  'full_name',
  'address',
  'birthday',
]);

export type SuspiciousParameterKind = 'user-identifier' | 'form-field';

/** Parameters that carry a user identifier or a form field, with a value. */
export function suspiciousParameters(
  params: Map<string, string>,
): { name: string; kind: SuspiciousParameterKind }[] {
  const found: { name: string; kind: SuspiciousParameterKind }[] = [];
  for (const [name, value] of params) {
    if (!value || value === 'undefined' || value === 'null' || value === '0') continue;
    const key = name.toLowerCase().replace(/-/g, '_');
    if (USER_IDENTIFIER_NAMES.has(key)) found.push({ name, kind: 'user-identifier' });
    else if (FORM_FIELD_NAMES.has(key)) found.push({ name, kind: 'form-field' });
  }
  return found;
}
