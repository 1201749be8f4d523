/** The catalogue key of a rule's title or explanation: `cookie-undeclared-purpose` → `rule_cookie_undeclared_purpose_title`. */
export function ruleMessageKey(ruleId: string, part: 'title' | 'explanation'): string {
  return `rule_${ruleId.replace(/[^A-Za-z0-9]/g, '_')}_${part}`;
}
