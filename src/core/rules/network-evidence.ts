import { registrableDomain } from '../classify/party';
import type { NetworkObservation } from '../observations/observation';
import {
  type DecodedParameter,
  type DecodedPayload,
  decodePayload,
  identityParameters,
} from '../payloads/decode-payload';
import type { PersonalDataMatch } from '../personal-data/find-personal-data';
import { commaList, type PhraseArg, phrase } from '../wording/phrase';
import type { ClassifiedNetwork } from './classified-observation';
import { describePersonalData } from './describe';
import { payloadParameters, suspiciousParameters } from './payload-parameters';
import type { RuleContext } from './rule-context';

/** What identifies you in one request: in words, and the decoded payload fields that show it. */
export interface IdentifyingContent {
  what: PhraseArg;
  /**
   * The kinds of data found, sorted ("account-id", "phone-number",
   * "jeejio-cookie"...): with the recipient, what makes two requests one problem.
   */
  kinds: string[];
  /** The vendor payload's identity fields (empty when the request is no known vendor's, or names no one). */
  decoded: DecodedParameter[];
}

/** Decoded fields named in a summary; the finding's evidence keeps them all. */
const MAX_DECODED_IN_SUMMARY = 3;

// Three rules ask about the same request; the answer is worked out once per evaluation.
const described = new WeakMap<ClassifiedNetwork, IdentifyingContent | null>();
// A payload depends on the request alone, and a page is evaluated again at each new observation:
// decoded once per observation, not once per evaluation.
const decoded = new WeakMap<NetworkObservation, DecodedPayload | null>();

/** The vendor SDK payload the request is, decoded; null when no vendor table knows it. */
export function payloadOf(request: ClassifiedNetwork): DecodedPayload | null {
  const o = request.observation;
  let payload = decoded.get(o);
  if (payload === undefined) {
    payload = decodePayload(o.url, o.requestBody);
    decoded.set(o, payload);
  }
  return payload;
}

/** What identifies you in one request; null when nothing does. */
export function identifyingContent(
  request: ClassifiedNetwork,
  context: RuleContext,
): IdentifyingContent | null {
  let content = described.get(request);
  if (content === undefined) {
    content = describeIdentifyingContent(request, context);
    described.set(request, content);
  }
  return content;
}

/**
 * Each field is named once: a field the vendor's table decodes is described
 * by its meaning, so the generic name list and the personal-data scan leave
 * it out (a user's own canary stays, as it says whose value it is).
 */
function describeIdentifyingContent(
  request: ClassifiedNetwork,
  context: RuleContext,
): IdentifyingContent | null {
  const parts: PhraseArg[] = [];
  const kinds = new Set<string>();
  const payload = payloadOf(request);
  const identities = payload ? identityParameters(payload) : [];
  const found = context.personalData(request).filter((match) => !describedByPayload(match, identities));
  if (found.length > 0) parts.push(describePersonalData(found));
  for (const match of found) kinds.add(match.canary ? `canary-${match.canary.form}` : match.type);
  if (identities.length > 0) parts.push(describeDecoded(identities));
  for (const field of identities) kinds.add(field.meaning);
  const o = request.observation;
  const params = suspiciousParameters(payloadParameters(o.url, o.requestBody)).filter(
    (p) => !payload?.knownPaths.has(p.name),
  );
  const ids = params.filter((p) => p.kind === 'user-identifier').map((p) => p.name);
  if (ids.length > 0) parts.push(phrase('phrase_content_account_id', ids.join(', ')));
  const fields = params.filter((p) => p.kind === 'form-field').map((p) => p.name);
  if (fields.length > 0) parts.push(phrase('phrase_content_form_fields', fields.join(', ')));
  for (const p of params) kinds.add(p.kind === 'user-identifier' ? 'account-id' : `form-field:${p.name}`);
  if (context.cookieIdsSentIn(o.id).length > 0) {
    parts.push(phrase('phrase_content_jeejio_cookie'));
    kinds.add('jeejio-cookie');
  }
  return parts.length > 0 ? { what: commaList(parts), kinds: [...kinds].sort(), decoded: identities } : null;
}

function describedByPayload(match: PersonalDataMatch, identities: readonly DecodedParameter[]): boolean {
  if (match.canary) return false;
  return identities.some(
    (f) => f.value === match.masked || (match.path !== undefined && f.path === match.path),
  );
}

/**
 * "the account id in Mixpanel's payload field data(base64)[0].properties.$user_id (u*****2)".
 * A value an SDK repeats under several names (Sensors Data's `login_id` and
 * `distinct_id`) is named once, at its first path; the evidence lists every path.
 */
function describeDecoded(identities: readonly DecodedParameter[]): PhraseArg {
  const seen = new Set<string>();
  const firstOfEach = identities.filter((f) => {
    const key = `${f.vendor}\u0000${f.meaning}\u0000${f.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const named: PhraseArg[] = firstOfEach
    .slice(0, MAX_DECODED_IN_SUMMARY)
    .map((f) =>
      phrase(
        'phrase_content_decoded',
        phrase(`phrase_meaning_${f.meaning.replace(/-/g, '_')}`),
        f.vendor,
        f.path,
        f.value,
      ),
    );
  const more = firstOfEach.length - MAX_DECODED_IN_SUMMARY;
  if (more > 0) named.push(phrase('phrase_content_decoded_more', more));
  return commaList(named);
}

/**
 * Who receives a request: the vendor a catalogue or its payload names, or
 * else the site behind the host, so every host and path of one service is one
 * recipient.
 */
export function recipientOf(request: ClassifiedNetwork): string {
  return (
    request.classification.vendor ??
    payloadOf(request)?.vendor ??
    registrableDomain(request.host) ??
    request.host
  );
}

/**
 * What one problem of a network rule is about: a recipient and the kinds of
 * data it received. Six requests of one RUM SDK to three endpoints, each
 * carrying the phone number, are one problem; the same SDK receiving the
 * account id as well is another.
 */
export function problemSubject(
  request: ClassifiedNetwork,
  content: Pick<IdentifyingContent, 'kinds'>,
): string {
  return `${recipientOf(request)}: ${content.kinds.join(', ')}`.slice(0, 500);
}
