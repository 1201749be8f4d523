import { maxJsonNesting } from '../util/json-nesting';
import { BUNDLE_LIMITS } from './bundle-layout';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A JSON file of a bundle, parsed, or why it cannot be: never an exception, whatever the bytes. */
export function parseJsonFile(bytes: Uint8Array): { value: unknown } | { error: string } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (error) {
    // Not UTF-8, or longer than the longest string the engine can hold.
    return { error: error instanceof RangeError ? 'is too large to read' : 'is not UTF-8 text' };
  }
  const depth = maxJsonNesting(text);
  if (depth > BUNDLE_LIMITS.maxJsonDepth) {
    return { error: `nests ${depth} levels deep (the limit is ${BUNDLE_LIMITS.maxJsonDepth})` };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}
