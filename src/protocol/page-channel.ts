/**
 * The page world's half of the bridge to the content script.
 *
 * Both halves start at document_start, before any page script, in either
 * order. The content script picks a random event name (the channel) and
 * announces it; this half asks for it ("hello") in case it starts second.
 * Both exchanges are synchronous DOM events, so they finish before the page's
 * first script runs, and the page never sees the channel's name. Claims then
 * travel as events of that name. Every DOM primitive used is saved here first,
 * so a page that later replaces dispatchEvent or CustomEvent sees nothing.
 */
export const HELLO_EVENT = 'jeejio-inspector:hello';
export const ANNOUNCE_EVENT = 'jeejio-inspector:channel';
export const ACK = '"ack"';
export const CHANNEL_PATTERN = /^jeejio-[0-9a-f-]{36}$/;

export type SendBatch = (json: string) => void;

export function openPageChannel(): SendBatch {
  const apply = Reflect.apply;
  const doc = document;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const listen = EventTarget.prototype.addEventListener;
  const unlisten = EventTarget.prototype.removeEventListener;
  const NativeCustomEvent = CustomEvent;
  const test = RegExp.prototype.test;
  let channel: string | undefined;
  let waiting: string[] = [];

  const post = (name: string, detail: string) =>
    apply(dispatch, doc, [new NativeCustomEvent(name, { __proto__: null, detail } as CustomEventInit)]);

  const onAnnounce = (event: Event) => {
    const detail = (event as CustomEvent).detail;
    if (channel !== undefined || typeof detail !== 'string' || !apply(test, CHANNEL_PATTERN, [detail]))
      return;
    channel = detail;
    apply(unlisten, doc, [ANNOUNCE_EVENT, onAnnounce]);
    post(channel, ACK);
    for (const json of waiting) post(channel, json);
    waiting = [];
  };
  apply(listen, doc, [ANNOUNCE_EVENT, onAnnounce]);
  post(HELLO_EVENT, '');

  return (json) => {
    if (channel !== undefined) post(channel, json);
    else if (waiting.length < 100) waiting[waiting.length] = json;
  };
}
