const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Base64 or base64url text as UTF-8, or undefined when it is not: the
 * characters must fit, the bytes must be valid UTF-8. Padding is optional
 * (base64url drops it), and a space is read as the '+' a form decoding
 * turned it into (Mixpanel and Sensors Data send base64 in form fields).
 */
export function decodeBase64Text(text: string): string | undefined {
  const compact = text.trim().replace(/ /g, '+');
  if (compact.length < 8 || compact.length % 4 === 1 || !BASE64.test(compact)) return undefined;
  const standard = compact.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const padded = standard + '='.repeat((4 - (standard.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
