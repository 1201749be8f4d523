import type { FingerprintTechnique } from '../core/observations/observation';
import type { ReportClaim } from './claim-reporter';
import { fontFamilyOf } from './font-family';
import type { PageRealm } from './page-realm';
import { getPrototypeOf, safeMap, safeSet, safeWeakSet } from './primordials';
import { replaceMethod, savedGetter } from './replace-method';

/** Distinct fonts measured before text measuring counts as font probing; a page uses a handful. */
const FONT_PROBE_THRESHOLD = 20;
/** Reports per technique and frame: the first ones are the evidence, the rest repeat it. */
const MAX_REPORTS_PER_TECHNIQUE = 5;

/**
 * The calls fingerprinting scripts make: reading a canvas back after drawing
 * text on it, rendering audio offline or through a compressor, asking WebGL
 * for the graphics card, and measuring text in many fonts. Each is reported
 * the first few times per frame, with the script that did it.
 */
export function hookFingerprinting(report: ReportClaim, realm: PageRealm): void {
  const reported = safeMap<FingerprintTechnique, number>();
  const claim = (technique: FingerprintTechnique, detail: string) => {
    const n = reported.get(technique) ?? 0;
    if (n >= MAX_REPORTS_PER_TECHNIQUE) return;
    reported.set(technique, n + 1);
    report({ type: 'fingerprint', technique, detail });
  };
  hookCanvas(claim, realm);
  hookAudio(claim, realm);
  hookWebGl(claim, realm);
  hookFontProbing(claim, realm);
}

type Claim = (technique: FingerprintTechnique, detail: string) => void;

function hookCanvas(claim: Claim, realm: PageRealm): void {
  const withText = safeWeakSet<object>();
  const context2d = realm.CanvasRenderingContext2D.prototype;
  const canvasOf = savedGetter(context2d, 'canvas');
  const markDrawn = (self: unknown) => {
    const canvas = canvasOf?.(self);
    if (typeof canvas === 'object' && canvas !== null) withText.add(canvas);
  };
  replaceMethod(context2d, 'fillText', markDrawn);
  replaceMethod(context2d, 'strokeText', markDrawn);
  const readBack = (how: string) => (canvas: unknown) => {
    if (typeof canvas === 'object' && canvas !== null && withText.has(canvas)) {
      claim('canvas', `read back a canvas after drawing text on it (${how})`);
    }
  };
  replaceMethod(realm.HTMLCanvasElement.prototype, 'toDataURL', readBack('toDataURL'));
  replaceMethod(realm.HTMLCanvasElement.prototype, 'toBlob', readBack('toBlob'));
  const viaContext = readBack('getImageData');
  replaceMethod(context2d, 'getImageData', (self) => viaContext(canvasOf?.(self)));
}

function hookAudio(claim: Claim, realm: PageRealm): void {
  if (typeof realm.OfflineAudioContext !== 'undefined') {
    replaceMethod(realm.OfflineAudioContext.prototype, 'startRendering', () =>
      claim(
        'audio',
        'rendered sound offline to read back how this device processes audio (OfflineAudioContext)',
      ),
    );
  }
  if (typeof realm.BaseAudioContext === 'undefined') return;
  // An oscillator fed through a compressor is the classic audio fingerprint; either alone is ordinary audio.
  const oscillators = safeWeakSet<object>();
  replaceMethod(realm.BaseAudioContext.prototype, 'createOscillator', (self) => {
    if (typeof self === 'object' && self !== null) oscillators.add(self);
  });
  replaceMethod(realm.BaseAudioContext.prototype, 'createDynamicsCompressor', (self) => {
    if (typeof self === 'object' && self !== null && oscillators.has(self)) {
      claim('audio', 'fed an oscillator through a compressor to measure how this device processes audio');
    }
  });
}

const UNMASKED_VENDOR_WEBGL = 0x9245;
const UNMASKED_RENDERER_WEBGL = 0x9246;

/**
 * WebGL's `getParameter` is wrapped when the page first gets a WebGL context,
 * before the context reaches it, not at install: setting up the WebGL and
 * WebGL2 interfaces costs a realm several milliseconds, paid in every frame of
 * every page, while few pages ever draw with WebGL. A page that took
 * `getParameter` from the prototype before making any context (to call it on
 * one later) is not seen; a fingerprinting script has no reason to expect a hook.
 */
function hookWebGl(claim: Claim, realm: PageRealm): void {
  const asked = (_self: unknown, args: unknown[]) => {
    const parameter = args[0];
    if (parameter === UNMASKED_RENDERER_WEBGL || parameter === UNMASKED_VENDOR_WEBGL) {
      claim('webgl', "asked WebGL for the graphics card's make and model (WEBGL_debug_renderer_info)");
    }
  };
  // A 2D context's prototype has no getParameter; a WebGL one's is wrapped once (replaceMethod skips a wrapped one).
  const gotContext = (_self: unknown, context: unknown) => {
    if (typeof context !== 'object' || context === null) return;
    const prototype = getPrototypeOf(context);
    if (prototype !== null) replaceMethod(prototype, 'getParameter', asked);
  };
  replaceMethod(realm.HTMLCanvasElement.prototype, 'getContext', nothing, gotContext);
  if (typeof realm.OffscreenCanvas !== 'undefined')
    replaceMethod(realm.OffscreenCanvas.prototype, 'getContext', nothing, gotContext);
}

const nothing = () => {};

function hookFontProbing(claim: Claim, realm: PageRealm): void {
  const fonts = safeSet<string>();
  const note = (font: unknown) => {
    if (typeof font !== 'string' || fonts.size() > FONT_PROBE_THRESHOLD) return;
    fonts.add(fontFamilyOf(font));
    if (fonts.size() === FONT_PROBE_THRESHOLD) {
      claim(
        'fonts',
        `measured text in ${FONT_PROBE_THRESHOLD} or more fonts to find out which are installed`,
      );
    }
  };
  const context2d = realm.CanvasRenderingContext2D.prototype;
  const fontOf = savedGetter(context2d, 'font');
  replaceMethod(context2d, 'measureText', (self) => note(fontOf?.(self)));
  if (typeof realm.FontFaceSet !== 'undefined') {
    replaceMethod(realm.FontFaceSet.prototype, 'check', (_self, args) => note(args[0]));
  }
}
