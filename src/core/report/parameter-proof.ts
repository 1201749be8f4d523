import { findPersonalData } from '../personal-data/find-personal-data';
import type { PersonalDataType } from '../personal-data/types';
import { payloadParameters } from '../rules/payload-parameters';

/** One named value a request carried, as the evidence view shows it. */
export interface ParameterProof {
  name: string;
  /** The value; where it holds personal data, only the masked forms of what was found. */
  shown: string;
  /** The kinds of personal data found in it, none for an ordinary value. */
  found: PersonalDataType[];
}

/**
 * The named values of a request (query, form fields, top-level JSON fields),
 * those carrying personal data first: the proof behind "this beacon collected
 * a phone number" is the parameter that held it (`ep=138*****678`). The same
 * readers the rules use, so the view shows what the rules judged; at most
 * `max` values, the rest counted.
 */
export function parameterProof(
  url: string,
  body?: string,
  max = 30,
): { params: ParameterProof[]; more: number } {
  const all: ParameterProof[] = [];
  for (const [name, value] of payloadParameters(url, body)) {
    const matches = findPersonalData(value, { name });
    all.push(
      matches.length > 0
        ? {
            name,
            shown: [...new Set(matches.map((m) => m.masked))].join(', '),
            found: [...new Set(matches.map((m) => m.type))],
          }
        : { name, shown: value, found: [] },
    );
  }
  const ordered = [...all.filter((p) => p.found.length > 0), ...all.filter((p) => p.found.length === 0)];
  return { params: ordered.slice(0, max), more: Math.max(0, ordered.length - max) };
}
