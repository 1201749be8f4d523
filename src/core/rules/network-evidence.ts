import { commaList, type Phrase, type PhraseArg, phrase } from '../wording/phrase';
import type { ClassifiedNetwork } from './classified-observation';
import { describePersonalData } from './describe';
import { payloadParameters, suspiciousParameters } from './payload-parameters';
import type { RuleContext } from './rule-context';

// Three rules ask about the same request; the answer is worked out once per evaluation.
const described = new WeakMap<ClassifiedNetwork, PhraseArg | null>();

/** What identifies you in one request, described in words; null when nothing does. */
export function identifyingContent(request: ClassifiedNetwork, context: RuleContext): PhraseArg | null {
  let description = described.get(request);
  if (description === undefined) {
    description = describeIdentifyingContent(request, context);
    described.set(request, description);
  }
  return description;
}

function describeIdentifyingContent(request: ClassifiedNetwork, context: RuleContext): PhraseArg | null {
  const parts: Phrase[] = [];
  const found = context.personalData(request);
  if (found.length > 0) parts.push(describePersonalData(found));
  const o = request.observation;
  const params = suspiciousParameters(payloadParameters(o.url, o.requestBody));
  const ids = params.filter((p) => p.kind === 'user-identifier').map((p) => p.name);
  if (ids.length > 0) parts.push(phrase('phrase_content_account_id', ids.join(', ')));
  const fields = params.filter((p) => p.kind === 'form-field').map((p) => p.name);
  if (fields.length > 0) parts.push(phrase('phrase_content_form_fields', fields.join(', ')));
  if (context.cookieIdsSentIn(o.id).length > 0) parts.push(phrase('phrase_content_jeejio_cookie'));
  return parts.length > 0 ? commaList(parts) : null;
}

/** "host/path" of a URL, without scheme, query or fragment: what makes two requests the same endpoint. */
export function endpointOf(url: string): string {
  const start = url.indexOf('//');
  const rest = start === -1 ? url : url.slice(start + 2);
  const end = rest.search(/[?#]/);
  return (end === -1 ? rest : rest.slice(0, end)).slice(0, 500);
}
