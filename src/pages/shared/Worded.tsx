import { shortText } from '../../core/formats/safe-text';
import type { WordedPart } from '../../core/wording/phrase';
import { cutNote } from './i18n';

/**
 * A worded sentence whose page data (a cookie's name, a host, a masked value)
 * is marked `translate="no"`: translation tools leave it as the browser saw it,
 * and it is set apart from the words around it. Each piece of data is cut
 * short on its own, so a long value never hides the rest of the sentence.
 */
export function Worded({ parts, maxData = 160 }: { parts: readonly WordedPart[]; maxData?: number }) {
  return (
    <>
      {parts.map((part, i) =>
        part.data ? (
          <span key={i} class="data" translate={false}>
            {shortText(part.text, maxData, cutNote)}
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
