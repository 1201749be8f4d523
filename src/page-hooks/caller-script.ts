/**
 * The script that made a call, from a stack trace taken inside a page hook.
 *
 * The first frames are the hook itself, which lives in the extension
 * (chrome-extension://, moz-extension://); the first web URL after them is the
 * caller. An inline script shows as the document's own URL.
 *
 * The page shares the hook's world, so it can shape what a stack says:
 * - a `//# sourceURL=https://res.wx.qq.com/…` comment makes V8 print the
 *   claimed URL where eval'd or inline code runs, with nothing left in the
 *   text to tell it from a real script (`at eval (https://res.wx.qq.com/…:1:1)`);
 * - a replaced `Error.prepareStackTrace`, `Error` or `Error.captureStackTrace`
 *   can write any stack at all.
 * So in V8 the caller is read from the structured call sites, not the printed
 * text: `getFileName()` is the name the browser loaded the script under, which
 * a sourceURL does not change, and `isEval()` marks eval'd code, which counts
 * as inline (no script URL) whatever it calls itself. The call-site methods,
 * `Error` and its `prepareStackTrace` slot are taken when the hooks are
 * installed, before any page script runs, and the slot is held from then on so
 * the page can neither see our formatter nor put its own in its place.
 */
import { matches, sliceText } from './primordials';

const MAX_SCRIPT_URL_CHARS = 2_048;
const EXTENSION_SCHEME = /^(?:chrome|moz|safari-web)-extension:/;
const WEB_URL = /^https?:\/\//;
/**
 * Frames captured first: the hook's own (about six) and the caller's. A stack
 * costs what its frames cost, and a hooked call pays for one on every call.
 */
const FRAMES_FIRST = 10;
/** Captured again, once, when the first frames were all the hook's or the browser's own. */
const FRAMES_KEPT = 32;

/** One frame of a call stack, as V8's call sites state it. */
export interface StackFrame {
  /** The URL the script was loaded from; absent for eval'd code and native frames. */
  fileName: string | undefined;
  /** Code run by eval or `new Function`: its URL, if any, is only what the code said of itself. */
  isEval: boolean;
}

/**
 * The first web script below the hook's own frames. Eval'd code there is
 * inline (undefined): the URL it gives itself is the page's word.
 */
export function callerOfFrames(frames: readonly StackFrame[]): string | undefined {
  const caller = decideCaller(frames);
  return caller === UNDECIDED ? undefined : caller;
}

const UNDECIDED = Symbol('no frame decided');

/** The caller, inline (undefined), or UNDECIDED when no frame said (the caller may lie deeper). */
function decideCaller(frames: readonly StackFrame[]): string | undefined | typeof UNDECIDED {
  // Indexed, not iterated: the page may have replaced the array iterator.
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i] as StackFrame;
    if (frame.isEval) return undefined;
    const url = frame.fileName;
    if (typeof url !== 'string' || matches(EXTENSION_SCHEME, url)) continue;
    if (!matches(WEB_URL, url)) continue;
    return url.length > MAX_SCRIPT_URL_CHARS ? sliceText(url, 0, MAX_SCRIPT_URL_CHARS) : url;
  }
  return UNDECIDED;
}

/**
 * For engines without V8's call sites (Gecko): frames printed as
 * "fn@URL:line:col", read from the text. V8 never takes this path, since its
 * printed stack is what a sourceURL forges.
 */
const FRAME_URL = /((?:https?|chrome-extension|moz-extension|safari-web-extension):\/\/[^\s()@]+?):\d+:\d+/g;

export function callerScriptUrl(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  for (const match of stack.slice(0, 16_384).matchAll(FRAME_URL)) {
    const url = match[1] as string;
    if (EXTENSION_SCHEME.test(url)) continue;
    return url.length > MAX_SCRIPT_URL_CHARS ? url.slice(0, MAX_SCRIPT_URL_CHARS) : url;
  }
  return undefined;
}

export type CallerLookup = () => string | undefined;

interface CallSiteMethods {
  getFileName: (this: unknown) => unknown;
  isEval: (this: unknown) => unknown;
}

/**
 * Takes what the lookup needs from the page's world now, while it is still
 * untouched: call once, at hook install time.
 */
export function createCallerLookup(errorCtor: ErrorConstructor = Error): CallerLookup {
  const apply = Reflect.apply;
  const defineProperty = Object.defineProperty;
  const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const getPrototypeOf = Object.getPrototypeOf;
  const NativeError = errorCtor;
  const isArray = Array.isArray;
  const setPrototypeOf = Object.setPrototypeOf;

  let formatting = false;
  let frames: StackFrame[] | undefined;
  let methods: CallSiteMethods | undefined;
  const readSites = (sites: unknown): void => {
    if (!methods || !isArray(sites)) return;
    // Without a prototype, so a setter the page put on Array.prototype cannot see or alter the frames.
    const read = setPrototypeOf([], null) as StackFrame[];
    for (let i = 0; i < sites.length && i < FRAMES_KEPT; i++) {
      const site = sites[i];
      const fileName = apply(methods.getFileName, site, []);
      read[read.length] = {
        fileName: typeof fileName === 'string' ? fileName : undefined,
        isEval: apply(methods.isEval, site, []) === true,
      };
    }
    frames = read;
  };
  // What V8 calls to format a stack: ours while the lookup runs, the page's otherwise.
  const ownFormatter = (_error: unknown, sites: unknown): string => {
    if (!methods && isArray(sites) && sites.length > 0) {
      const proto = getPrototypeOf(sites[0]) as Partial<CallSiteMethods> | null;
      if (proto && typeof proto.getFileName === 'function' && typeof proto.isEval === 'function') {
        methods = { getFileName: proto.getFileName, isEval: proto.isEval };
      }
    }
    readSites(sites);
    return '';
  };

  let pageFormatter: unknown = (NativeError as { prepareStackTrace?: unknown }).prepareStackTrace;
  let held = false;
  try {
    const slot = getOwnPropertyDescriptor(NativeError, 'prepareStackTrace');
    if (!slot || slot.configurable) {
      defineProperty(NativeError, 'prepareStackTrace', {
        configurable: false,
        enumerable: slot?.enumerable ?? false,
        get: () => (formatting ? ownFormatter : pageFormatter),
        set: (value: unknown) => {
          pageFormatter = value;
        },
      });
      held = true;
    }
  } catch {
    // A locked Error: no attribution rather than the page's.
  }
  const limitOf = () => (NativeError as { stackTraceLimit?: unknown }).stackTraceLimit;
  const setLimit = (value: unknown) => {
    try {
      (NativeError as { stackTraceLimit?: unknown }).stackTraceLimit = value;
    } catch {
      // Frozen by the page: fewer frames, at worst no caller found.
    }
  };
  const capture = (depth: number): StackFrame[] | undefined => {
    frames = undefined;
    const limit = limitOf();
    formatting = true;
    setLimit(depth);
    try {
      // Reading an own `stack` of a fresh error formats it, through the slot above.
      void new NativeError().stack;
    } catch {
      // A throwing formatter leaves no frames.
    } finally {
      formatting = false;
      setLimit(limit);
    }
    return frames;
  };
  if (!held) return () => undefined;
  // The first capture also takes the call-site methods, before the page could touch their prototype.
  capture(FRAMES_FIRST);
  // No page script has run yet, so no call sites means an engine without them (Gecko, whatever
  // Error.captureStackTrace it has): there the printed stack is all there is.
  if (!methods) return () => callerScriptUrl(new NativeError().stack);
  return () => {
    const first = capture(FRAMES_FIRST);
    if (!first) return undefined;
    const caller = decideCaller(first);
    if (caller !== UNDECIDED || first.length < FRAMES_FIRST) return caller === UNDECIDED ? undefined : caller;
    // A deep call through the browser's own frames (callbacks of built-ins): the full stack decides.
    const all = capture(FRAMES_KEPT);
    return all ? callerOfFrames(all) : undefined;
  };
}
