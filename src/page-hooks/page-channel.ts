import { ACK, ANNOUNCE_EVENT, CHANNEL_PATTERN, HELLO_EVENT, type SendBatch } from '../protocol/page-channel';

/**
 * The page world's half of the bridge to the content script (the transport is
 * described in src/protocol/page-channel.ts). Every DOM primitive used is saved
 * here first, so a page that later replaces dispatchEvent or CustomEvent sees nothing.
 */
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
