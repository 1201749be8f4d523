import safeRegex from 'safe-regex2';
import * as v from 'valibot';
import { maxJsonNesting } from '../util/json-nesting';
import { type PolicyModelData, PolicyModelSchema } from './policy-model-schema';

/** Model files are small; anything larger is not a policy model. */
export const MAX_POLICY_MODEL_BYTES = 512 * 1024;
const MAX_DEPTH = 8;

export class PolicyModelError extends Error {
  override name = 'PolicyModelError';
}

/**
 * Reads a policy model from JSON text, refusing anything hostile or malformed
 * with an error that says what and where: oversized or deeply nested files,
 * unknown rule types, regular expressions that could backtrack without end,
 * rules citing clauses that do not exist.
 */
export function parsePolicyModel(json: string): PolicyModelData {
  if (json.length > MAX_POLICY_MODEL_BYTES)
    throw new PolicyModelError(
      `Policy model is ${json.length} bytes; the limit is ${MAX_POLICY_MODEL_BYTES}.`,
    );
  // Nesting is measured on the text, before JSON.parse can exhaust the stack.
  const depth = maxJsonNesting(json);
  if (depth > MAX_DEPTH)
    throw new PolicyModelError(`Policy model nests ${depth} levels deep; the limit is ${MAX_DEPTH}.`);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new PolicyModelError(`Policy model is not valid JSON: ${(error as Error).message}`);
  }
  return validatePolicyModel(raw);
}

export function validatePolicyModel(raw: unknown): PolicyModelData {
  const result = v.safeParse(PolicyModelSchema, raw);
  if (!result.success) {
    const problems = result.issues.slice(0, 5).map((issue) => {
      const path = v.getDotPath(issue) ?? '(root)';
      return `${path}: ${issue.message}`;
    });
    throw new PolicyModelError(`Policy model is invalid:\n- ${problems.join('\n- ')}`);
  }
  const model = result.output;
  for (const [i, source] of model.declaredLocalStorageKeys.entries()) {
    let compiled: RegExp;
    try {
      compiled = new RegExp(source);
    } catch (error) {
      throw new PolicyModelError(
        `declaredLocalStorageKeys.${i}: not a regular expression (${(error as Error).message})`,
      );
    }
    if (!source.startsWith('^') || !source.endsWith('$') || !safeRegex(compiled)) {
      throw new PolicyModelError(
        `declaredLocalStorageKeys.${i}: ${JSON.stringify(source)} must be anchored (^…$) and free of nested repetition.`,
      );
    }
  }
  const clauseIds = new Set<string>();
  for (const clause of model.clauses) {
    if (clauseIds.has(clause.id)) throw new PolicyModelError(`clauses: duplicate clause id "${clause.id}"`);
    clauseIds.add(clause.id);
    if (clause.lines.to < clause.lines.from)
      throw new PolicyModelError(`clauses.${clause.id}: lines end before they start`);
    if (!clause.checkable && !clause.notCheckableReason) {
      throw new PolicyModelError(`clauses.${clause.id}: a clause that cannot be checked must say why`);
    }
  }
  const ruleIds = new Set<string>();
  for (const rule of model.rules) {
    if (ruleIds.has(rule.id)) throw new PolicyModelError(`rules: duplicate rule id "${rule.id}"`);
    ruleIds.add(rule.id);
    for (const cited of [rule.clause, ...(rule.alsoCites ?? [])]) {
      if (!clauseIds.has(cited))
        throw new PolicyModelError(`rules.${rule.id}: cites unknown clause "${cited}"`);
    }
  }
  return model;
}
