/**
 * A window whose built-ins the hooks wrap: the frame's own, or a same-origin
 * window the page made (an about:blank or srcdoc frame, a `window.open('')`),
 * whose prototypes are its own and start out untouched.
 */
export type PageRealm = Window & typeof globalThis;
