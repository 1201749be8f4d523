import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('CHANGELOG.md', () => {
  const headings = [...read('CHANGELOG.md').matchAll(/^## (.+)$/gm)].map((m) => m[1]?.trim() ?? '');

  it('starts with Unreleased, where the next changes go', () => {
    expect(headings[0]).toBe('Unreleased');
  });

  it("has an entry for package.json's version, the one the extension, --version and reports carry", () => {
    const { version } = JSON.parse(read('package.json')) as { version: string };
    expect(headings.some((h) => h === version || h.startsWith(`${version} `))).toBe(true);
  });

  it('lists versions newest first', () => {
    const versions = headings.slice(1).map((h) => h.split(' ')[0] ?? '');
    const sorted = [...versions].sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
    expect(versions).toEqual(sorted);
  });
});
