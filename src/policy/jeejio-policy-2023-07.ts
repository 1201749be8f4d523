import type { PolicyModel } from './policy-model';

/**
 * Jeejio's privacy policy of July 2023 (operator MAOPAO LIMITED), as the
 * checkable promises it makes. Line numbers refer to the policy text whose
 * SHA-256 is `sourceSha256`; section boundaries follow shared/seed/SECTIONS.md,
 * because the published text lost its headings.
 */
export const JEEJIO_POLICY_2023_07: PolicyModel = {
  id: 'jeejio-privacy-policy',
  version: '2023-07-20',
  sourceSha256: '82a6b2ca5574ef39246d237f4021ac0cee7f1fe1f8a680d8b6e20b514810cd94',
  sourceFile: 'jeejio-privacy-policy-2023-07.txt',
  operator: 'MAOPAO LIMITED',
  firstPartyDomains: ['jeejio.com'],
  // §7 line 93: easier access, recognising the user (login), usage habits,
  // not re-entering registration data, account security. Statistics stand for
  // "usage habits"; essential covers login, registration data and security.
  declaredCookiePurposes: ['essential', 'preferences', 'statistics'],
  // §4 lines 64-65: certification companies, affiliates, push notification
  // senders and payment institutions acting for Jeejio.
  allowedRecipients: ['certification', 'affiliate', 'push-notification', 'payment'],
  clauses: [
    {
      id: 'personal-information.sensitive',
      section: '§2',
      lines: { from: 39, to: 39 },
      title: 'Phone numbers are sensitive personal information',
      paraphrase:
        'The policy itself classes the phone number as sensitive personal information, alongside the ID number and password it lists as personal information in §1.',
      quote: 'The phone number is sensitive personal information',
      checkable: true,
    },
    {
      id: 'sharing.third-parties',
      section: '§4',
      lines: { from: 60, to: 70 },
      title: 'No disclosure to third parties outside the listed cases',
      paraphrase:
        'Jeejio promises not to hand your information to third parties, except with consent or in de-identified form, and then only to the kinds of recipient it lists: certification partners, affiliates, push notification and payment providers, and where law or disputes require it.',
      quote: 'We will not disclose your information to third parties except in the following cases',
      checkable: true,
    },
    {
      id: 'security.encryption',
      section: '§6',
      lines: { from: 89, to: 89 },
      title: 'Information is protected by encryption and standard security measures',
      paraphrase:
        'Jeejio says it uses standard security measures, including encryption, against unauthorised access to your information. Personal data sent in clear in cookies, and login cookies readable by scripts or sent over plain HTTP, fall short of that.',
      quote: 'information encryption and other technical measures',
      checkable: true,
    },
    {
      id: 'cookies.declared-purposes',
      section: '§7',
      lines: { from: 92, to: 93 },
      title: 'Cookies are used only for the purposes the policy states',
      paraphrase:
        'Jeejio commits to use cookies only for what the policy lists: easier access, recognising you when you log in, understanding your usage habits, sparing you re-entering registration details, and keeping your account secure. Advertising and cross-site tracking are not among them.',
      quote: 'We commit to not use cookies for any purpose other than those stated',
      checkable: true,
    },
  ],
};
