import type { PayloadMeaning } from './meaning';

/** Text shown for a value that is not personal (a page address, an event name) is cut here. */
const MAX_SHOWN_CHARS = 120;

/**
 * A decoded value as a report may show it. Personal values are masked the way
 * `personal-data` masks what it finds (the same forms, so the two agree on
 * one value): never a whole email, phone number, name or account id.
 */
export function maskForDisplay(meaning: PayloadMeaning, value: string): string {
  switch (meaning) {
    case 'email':
      return maskEmail(value);
    case 'phone':
      return maskMiddle(value.replace(/[-\s()]/g, ''));
    case 'email-hash':
    case 'phone-hash':
      return `${value.slice(0, 8)}…`;
    case 'name':
      return `${[...value][0] ?? ''}${'*'.repeat(Math.min(8, Math.max(1, [...value].length - 1)))}`;
    case 'account-id':
    case 'device-id':
      return maskMiddle(value);
    case 'ip-address':
      return value.includes(':') ? `${value.split(':').slice(0, 2).join(':')}:****` : maskIPv4(value);
    case 'page-url':
    case 'referrer':
      return withoutQuery(value).slice(0, MAX_SHOWN_CHARS);
    case 'event':
      return value.slice(0, MAX_SHOWN_CHARS);
  }
}

/** "Alice@Example.com" → "a****@example.com", as personal-data masks an email. */
function maskEmail(email: string): string {
  const lower = email.toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at === -1) return maskMiddle(lower);
  const local = lower.slice(0, at);
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(1, Math.min(16, local.length - 1)))}@${lower.slice(at + 1)}`;
}

/** "13812345678" → "138*****678", as personal-data masks digits: a quarter at each end at most. */
function maskMiddle(text: string): string {
  if (text.length <= 4) return '*'.repeat(text.length);
  const keep = Math.min(3, Math.floor(text.length / 4));
  return `${text.slice(0, keep)}${'*'.repeat(Math.min(16, text.length - keep * 2))}${text.slice(-keep)}`;
}

function maskIPv4(ip: string): string {
  const [a = '', b = ''] = ip.split('.');
  return `${a}.${b}.*.*`;
}

/** A page address without its query and fragment, where personal data most often rides. */
function withoutQuery(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
