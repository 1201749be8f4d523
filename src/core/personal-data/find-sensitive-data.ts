/**
 * The original cookie-value check, kept for its callers: phone numbers, ID
 * numbers, passwords and emails only, found by findPersonalData (so with all
 * its decodings). Passwords are now masked entirely.
 */
import { findPersonalData } from './find-personal-data';
import type { PersonalDataMatch } from './types';

export { hasValidIdChecksum } from './detectors';

export type SensitiveDataType = 'phone-number' | 'id-number' | 'password' | 'email';

export interface SensitiveDataMatch {
  type: SensitiveDataType;
  /** The match with most of it masked, safe to show in a report. */
  masked: string;
  /** Which decoding of the value revealed it (see PersonalDataEncoding). */
  encoding: PersonalDataMatch['encoding'];
  path?: string;
}

const SENSITIVE_DATA_TYPES: readonly SensitiveDataType[] = ['phone-number', 'id-number', 'password', 'email'];

export function findSensitiveData(name: string, value: string): SensitiveDataMatch[] {
  return findPersonalData(value, { name, types: SENSITIVE_DATA_TYPES }).map(
    ({ type, masked, encoding, path }) => ({
      type: type as SensitiveDataType,
      masked,
      encoding,
      ...(path !== undefined && { path }),
    }),
  );
}
