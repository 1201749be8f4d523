/** Builders of valid test data for the personal-data tests (imported by tests only). */

/** Appends the Luhn check digit. */
export function withLuhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** A resident ID number with its GB 11643 check digit: area (6 digits), birth date (8), sequence (3). */
export function idNumber(area: string, birthDate: string, sequence: string): string {
  const body = `${area}${birthDate}${sequence}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (weights[i] ?? 0);
  return `${body}${'10X98765432'[sum % 11]}`;
}

/** Base64 of the UTF-8 bytes of any text (btoa alone takes Latin-1 only). */
export function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
