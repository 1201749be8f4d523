/**
 * The catalogue key of a rule type's title or explanation: `plain-http` →
 * `rule_plain_http_title`. Keyed by type, so every policy model that binds a
 * rule gets its wording.
 */
export function ruleMessageKey(ruleType: string, part: 'title' | 'explanation'): string {
  return `rule_${ruleType.replace(/[^A-Za-z0-9]/g, '_')}_${part}`;
}

/**
 * The catalogue key of a clause's title, paraphrase or scorecard note in the
 * shipped policy model: `cookies.local-storage` → `clause_cookies_local_storage_title`.
 */
export function clauseMessageKey(clauseId: string, part: 'title' | 'paraphrase' | 'note'): string {
  return `clause_${clauseId.replace(/[^A-Za-z0-9]/g, '_')}_${part}`;
}
