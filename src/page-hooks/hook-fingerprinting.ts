import type { FingerprintTechnique } from '../core/observations/observation';
import type { ReportClaim } from './claim-reporter';
import { fontFamilyOf } from './font-family';
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
export function hookFingerprinting(report: ReportClaim): void {
  const reported = new Map<FingerprintTechnique, number>();
  const claim = (technique: FingerprintTechnique, detail: string) => {
    const n = reported.get(technique) ?? 0;
    if (n >= MAX_REPORTS_PER_TECHNIQUE) return;
    reported.set(technique, n + 1);
    report({ type: 'fingerprint', technique, detail });
  };
  hookCanvas(claim);
  hookAudio(claim);
  hookWebGl(claim);
  hookFontProbing(claim);
}

type Claim = (technique: FingerprintTechnique, detail: string) => void;

function hookCanvas(claim: Claim): void {
  const withText = new WeakSet<object>();
  const canvasOf = savedGetter(CanvasRenderingContext2D.prototype, 'canvas');
  const markDrawn = (self: unknown) => {
    const canvas = canvasOf?.(self);
    if (typeof canvas === 'object' && canvas !== null) withText.add(canvas);
  };
  replaceMethod(CanvasRenderingContext2D.prototype, 'fillText', markDrawn);
  replaceMethod(CanvasRenderingContext2D.prototype, 'strokeText', markDrawn);
  const readBack = (how: string) => (canvas: unknown) => {
    if (typeof canvas === 'object' && canvas !== null && withText.has(canvas)) {
      claim('canvas', `read back a canvas after drawing text on it (${how})`);
    }
  };
  replaceMethod(HTMLCanvasElement.prototype, 'toDataURL', readBack('toDataURL'));
  replaceMethod(HTMLCanvasElement.prototype, 'toBlob', readBack('toBlob'));
  const viaContext = readBack('getImageData');
  replaceMethod(CanvasRenderingContext2D.prototype, 'getImageData', (self) => viaContext(canvasOf?.(self)));
}

function hookAudio(claim: Claim): void {
  if (typeof OfflineAudioContext !== 'undefined') {
    replaceMethod(OfflineAudioContext.prototype, 'startRendering', () =>
      claim(
        'audio',
        'rendered sound offline to read back how this device processes audio (OfflineAudioContext)',
      ),
    );
  }
  if (typeof BaseAudioContext === 'undefined') return;
  // An oscillator fed through a compressor is the classic audio fingerprint; either alone is ordinary audio.
  const oscillators = new WeakSet<object>();
  replaceMethod(BaseAudioContext.prototype, 'createOscillator', (self) => {
    if (typeof self === 'object' && self !== null) oscillators.add(self);
  });
  replaceMethod(BaseAudioContext.prototype, 'createDynamicsCompressor', (self) => {
    if (typeof self === 'object' && self !== null && oscillators.has(self)) {
      claim('audio', 'fed an oscillator through a compressor to measure how this device processes audio');
    }
  });
}

const UNMASKED_VENDOR_WEBGL = 0x9245;
const UNMASKED_RENDERER_WEBGL = 0x9246;

function hookWebGl(claim: Claim): void {
  const asked = (_self: unknown, [parameter]: unknown[]) => {
    if (parameter === UNMASKED_RENDERER_WEBGL || parameter === UNMASKED_VENDOR_WEBGL) {
      claim('webgl', "asked WebGL for the graphics card's make and model (WEBGL_debug_renderer_info)");
    }
  };
  replaceMethod(globalThis.WebGLRenderingContext?.prototype, 'getParameter', asked);
  replaceMethod(globalThis.WebGL2RenderingContext?.prototype, 'getParameter', asked);
}

function hookFontProbing(claim: Claim): void {
  const fonts = new Set<string>();
  const note = (font: unknown) => {
    if (typeof font !== 'string' || fonts.size > FONT_PROBE_THRESHOLD) return;
    fonts.add(fontFamilyOf(font));
    if (fonts.size === FONT_PROBE_THRESHOLD) {
      claim(
        'fonts',
        `measured text in ${FONT_PROBE_THRESHOLD} or more fonts to find out which are installed`,
      );
    }
  };
  const fontOf = savedGetter(CanvasRenderingContext2D.prototype, 'font');
  replaceMethod(CanvasRenderingContext2D.prototype, 'measureText', (self) => note(fontOf?.(self)));
  if (typeof FontFaceSet !== 'undefined') {
    replaceMethod(FontFaceSet.prototype, 'check', (_self, [font]) => note(font));
  }
}
