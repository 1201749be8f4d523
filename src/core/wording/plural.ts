/** An English noun for a count: "1 finding", "2 findings" (the CLI and report.html speak English). */
export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
