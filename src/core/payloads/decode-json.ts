import { maxJsonNesting } from '../util/json-nesting';
import type { DecodeBudget } from './limits';

/** Deeper JSON is refused before parsing: no SDK nests this far, a hostile page might. */
const MAX_JSON_NESTING = 64;

/**
 * A JSON object or array, or undefined when the text is neither (a JSON
 * string or number says nothing a rule could read by name).
 */
export function parseJsonDocument(text: string, budget: DecodeBudget): unknown {
  const trimmed = text.trim();
  const first = trimmed.charCodeAt(0);
  if (first !== 123 /* { */ && first !== 91 /* [ */) return undefined;
  if (maxJsonNesting(trimmed) > MAX_JSON_NESTING) {
    budget.dropped += 1;
    return undefined;
  }
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}
