import { phrase } from '../wording/phrase';
import type { ClassifiedCookie, ClassifiedStorage } from './classified-observation';
import type { RuleFinding, RuleImplementation } from './rule';

/** Values shorter than this are too common (flags, small numbers) to call an identifier. */
const MIN_IDENTIFIER_LENGTH = 8;
/** Claims reach the background in batches, so a script's own deletion is matched within this window. */
const SAME_DELETION_MS = 3_000;

/**
 * §7 line 96: the policy tells you clearing browser data removes its cookies.
 * An identifier that comes back with the same value after it was deleted
 * (restored from local storage or another copy) defeats that.
 */
export const identifierRespawned: RuleImplementation = {
  type: 'identifier-respawned',
  triggeredBy: ['cookie'],
  evaluate(context) {
    const findings: RuleFinding[] = [];
    // Without a deletion nothing can have come back.
    if (!context.cookies.some((c) => c.observation.action === 'removed')) return findings;
    const storageByValue = new Map<string, ClassifiedStorage>();
    for (const s of context.storage) {
      if (s.observation.value.length >= MIN_IDENTIFIER_LENGTH) storageByValue.set(s.observation.value, s);
    }
    const history = new Map<string, ClassifiedCookie[]>();
    for (const c of [...context.cookies].sort(
      (a, b) => a.observation.observedAt - b.observation.observedAt,
    )) {
      const key = `${c.observation.name}\u0000${c.observation.domain}`;
      const list = history.get(key);
      if (list) list.push(c);
      else history.set(key, [c]);
    }
    for (const [key, events] of history) {
      let lastValue: ClassifiedCookie | undefined;
      let removal: ClassifiedCookie | undefined;
      for (const event of events) {
        const o = event.observation;
        if (o.action === 'removed') {
          // A script deleting its own cookie to rewrite it is the site's bookkeeping, not the user's deletion.
          if (!deletedByPageScript(events, o.observedAt)) removal = event;
          continue;
        }
        if (o.action === 'script-write' && isDeletion(o.expires, o.observedAt)) continue;
        if (
          removal &&
          lastValue &&
          o.value === lastValue.observation.value &&
          o.value.length >= MIN_IDENTIFIER_LENGTH
        ) {
          const copy = storageByValue.get(o.value);
          findings.push({
            evidence: [lastValue, removal, event, ...(copy ? [copy] : [])],
            subject: key,
            summary: copy
              ? phrase(
                  'summary_identifier_respawned_copy',
                  o.name,
                  copy.observation.area,
                  copy.observation.key,
                )
              : phrase('summary_identifier_respawned', o.name),
          });
          removal = undefined;
        }
        lastValue = event;
      }
    }
    return findings;
  },
};

/** Whether a page hook saw a script expire this cookie (`document.cookie = "x=; max-age=0"`) around that time. */
function deletedByPageScript(events: readonly ClassifiedCookie[], removedAt: number): boolean {
  return events.some(
    ({ observation: o }) =>
      o.action === 'script-write' &&
      isDeletion(o.expires, o.observedAt) &&
      Math.abs(o.observedAt - removedAt) <= SAME_DELETION_MS,
  );
}

function isDeletion(expires: number | undefined, observedAt: number): boolean {
  return expires !== undefined && expires * 1000 <= observedAt;
}
