import model from './models/jeejio-privacy-policy-2023-07.json';
import { validatePolicyModel } from './parse-policy-model';
import type { PolicyModel } from './policy-model';

/**
 * Jeejio's privacy policy of July 2023 (operator MAOPAO LIMITED), as the
 * promises it makes. Line numbers refer to the text whose SHA-256 is
 * `sourceSha256`; sections follow shared/seed/SECTIONS.md, because the
 * published text lost its headings. Validated like any other model file.
 */
export const JEEJIO_POLICY_2023_07: PolicyModel = validatePolicyModel(model);
