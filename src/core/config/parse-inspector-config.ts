import * as v from 'valibot';
import { maxJsonNesting } from '../util/json-nesting';
import { type InspectorConfig, InspectorConfigSchema } from './inspector-config-schema';

/**
 * A config with a thousand baselines is about 400 KB, but one exported from the
 * options page carries its filter lists (EasyList is about 2 MB); anything far
 * larger than five such lists is not a config.
 */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;
const MAX_DEPTH = 6;
/** Enough to fix a file in one go without burying the first problem. */
const MAX_PROBLEMS_SHOWN = 8;

export class InspectorConfigError extends Error {
  override name = 'InspectorConfigError';
}

/**
 * Reads inspector.config.json from its text, refusing anything oversized,
 * deeply nested, misspelt or malformed with an error that names each problem
 * and where it is ("baselines.2.expires: …").
 */
export function parseInspectorConfig(json: string): InspectorConfig {
  if (json.length > MAX_CONFIG_BYTES) {
    throw new InspectorConfigError(
      `The config is ${json.length} characters long; the limit is ${MAX_CONFIG_BYTES}.`,
    );
  }
  const depth = maxJsonNesting(json);
  if (depth > MAX_DEPTH) {
    throw new InspectorConfigError(`The config nests ${depth} levels deep; the limit is ${MAX_DEPTH}.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new InspectorConfigError(`The config is not valid JSON: ${(error as Error).message}`);
  }
  // valibot takes an array for an object with no keys; a config is an object.
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InspectorConfigError(
      'The config must be a JSON object, such as {"hosts": ["https://www.jeejio.com/"]}.',
    );
  }
  const result = v.safeParse(InspectorConfigSchema, raw);
  if (!result.success) {
    const problems = result.issues.slice(0, MAX_PROBLEMS_SHOWN).map(describeIssue);
    const more = result.issues.length - problems.length;
    throw new InspectorConfigError(
      `The config is invalid:\n- ${problems.join('\n- ')}${more > 0 ? `\n- and ${more} more` : ''}`,
    );
  }
  return result.output;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue) ?? '(top level)';
  // A strict object reports an unknown key as "expected never"; say it plainly.
  if (issue.kind === 'schema' && issue.expected === 'never') {
    return `${path}: unknown key (a misspelling?)`;
  }
  return `${path}: ${issue.message}`;
}
