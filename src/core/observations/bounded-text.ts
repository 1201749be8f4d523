/** Cookie values beyond this are cut: browsers refuse cookies over 4096 bytes anyway. */
export const MAX_VALUE_CHARS = 4096;
/** Raw headers are kept as evidence up to this size. */
export const MAX_HEADER_CHARS = 8192;

export interface BoundedText {
  text: string;
  length: number;
  truncated: boolean;
}

export function boundText(text: string, max: number): BoundedText {
  return text.length <= max
    ? { text, length: text.length, truncated: false }
    : { text: text.slice(0, max), length: text.length, truncated: true };
}
