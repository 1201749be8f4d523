import { decodeBase64Text } from './decode-base64';
import { parseJsonDocument } from './decode-json';
import type { DecodeBudget } from './limits';

/** How a value was wrapped: written into paths as `data(base64)`, `e(json)`. */
export type NestedEncoding = 'json' | 'base64';

/**
 * What a parameter holds when it holds a whole payload: JSON text (Amplitude's
 * `e=[…]`) or base64 JSON (Mixpanel's and Sensors Data's `data=`, PostHog's
 * `data=` when uncompressed). Undefined for an ordinary value.
 */
export function nestedPayload(
  value: string,
  budget: DecodeBudget,
): { encoding: NestedEncoding; value: unknown } | undefined {
  const trimmed = value.trim();
  if (trimmed.length < 8) return undefined;
  const first = trimmed[0];
  if (first === '{' || first === '[') {
    if (!budget.takeDecode()) return undefined;
    const parsed = parseJsonDocument(trimmed, budget);
    return parsed === undefined ? undefined : { encoding: 'json', value: parsed };
  }
  // Base64 of a JSON object starts with "ey" or "ew" ({" or {\n), of an array with "W": others are not tried.
  if (!/^(?:e[yw]|W)/.test(trimmed)) return undefined;
  if (!budget.takeDecode()) return undefined;
  const text = decodeBase64Text(trimmed);
  if (text === undefined) return undefined;
  const parsed = parseJsonDocument(text, budget);
  return parsed === undefined ? undefined : { encoding: 'base64', value: parsed };
}
