/**
 * The transport between the page hooks (page world) and the content script:
 * synchronous DOM events on the document. Both halves start at
 * document_start, before any page script, in either order. The content script
 * picks a random event name (the channel) and announces it; the page world
 * asks for it ("hello") in case it starts second. Both exchanges finish before
 * the page's first script runs, so the page never sees the channel's name.
 * Claims then travel as events of that name, as JSON text (page-claims.ts).
 * The page world's half is src/page-hooks/page-channel.ts, the content
 * script's src/content/relay-page-claims.ts.
 */
export const HELLO_EVENT = 'jeejio-inspector:hello';
export const ANNOUNCE_EVENT = 'jeejio-inspector:channel';
export const ACK = '"ack"';
export const CHANNEL_PATTERN = /^jeejio-[0-9a-f-]{36}$/;

export type SendBatch = (json: string) => void;
