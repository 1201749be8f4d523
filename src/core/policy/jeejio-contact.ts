/**
 * Where the policy tells people to write (§12 "Contact Us", lines 104–108 of
 * jeejio-privacy-policy-2023-07.txt; §5 line 82 names the same address for
 * account questions).
 */
export const JEEJIO_CONTACT = {
  email: 'Service@jeejio.com',
  section: '§12',
  lines: { from: 104, to: 108 },
} as const;
