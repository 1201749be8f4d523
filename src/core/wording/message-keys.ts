/** The catalogue key of a rule's title or explanation: `cookie-undeclared-purpose` → `rule_cookie_undeclared_purpose_title`. */
export function ruleMessageKey(ruleId: string, part: 'title' | 'explanation'): string {
  return `rule_${ruleId.replace(/[^A-Za-z0-9]/g, '_')}_${part}`;
}

/**
 * The catalogue key of a clause's title, paraphrase or scorecard note in the
 * shipped policy model: `cookies.local-storage` → `clause_cookies_local_storage_title`.
 */
export function clauseMessageKey(clauseId: string, part: 'title' | 'paraphrase' | 'note'): string {
  return `clause_${clauseId.replace(/[^A-Za-z0-9]/g, '_')}_${part}`;
}
