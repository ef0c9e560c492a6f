/**
 * The Teams app icons, drawn from one glyph (a target: two rings and a centre dot) so the
 * color and outline icons always agree. Teams wants a 192×192 full-color icon and a 32×32
 * outline icon that is white on a transparent background; `draw-icons.ts` writes both into
 * `appPackage/`. Edges are anti-aliased by supersampling; the outline icon stays pure white
 * and only its alpha varies.
 */
import { PNG } from 'pngjs';

/** The app's accent color (also `accentColor` in the manifest). */
export const ACCENT = { hex: '#4B53BC', rgb: [0x4b, 0x53, 0xbc] } as const;
const DOT = [0xff, 0xb9, 0x00] as const;

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;
const SUBSAMPLES = 4;

type Part = 'ring' | 'dot' | null;

/** Which part of the glyph a point in the unit square falls on. */
function glyphAt(u: number, v: number): Part {
  const d = Math.hypot(u - 0.5, v - 0.5);
  if (d <= 0.075) return 'dot';
  if ((d >= 0.33 && d <= 0.42) || (d >= 0.17 && d <= 0.245)) return 'ring';
  return null;
}

/** Share of a pixel's subsamples that land on each part. */
function coverage(x: number, y: number, size: number): { ring: number; dot: number } {
  let ring = 0;
  let dot = 0;
  for (let i = 0; i < SUBSAMPLES; i += 1) {
    for (let j = 0; j < SUBSAMPLES; j += 1) {
      const part = glyphAt((x + (i + 0.5) / SUBSAMPLES) / size, (y + (j + 0.5) / SUBSAMPLES) / size);
      if (part === 'ring') ring += 1;
      else if (part === 'dot') dot += 1;
    }
  }
  const n = SUBSAMPLES * SUBSAMPLES;
  return { ring: ring / n, dot: dot / n };
}

function mix(a: readonly number[], b: readonly number[], t: number): number[] {
  return a.map((x, i) => Math.round(x + ((b[i] ?? 0) - x) * t));
}

/** The 192×192 color icon: white rings and an amber dot on the accent color, fully opaque. */
export function drawColorIcon(): PNG {
  const size = COLOR_ICON_SIZE;
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const c = coverage(x, y, size);
      const withRing = mix(ACCENT.rgb, [255, 255, 255], c.ring);
      const [r, g, b] = mix(withRing, DOT, c.dot);
      const at = (y * size + x) * 4;
      png.data[at] = r ?? 0;
      png.data[at + 1] = g ?? 0;
      png.data[at + 2] = b ?? 0;
      png.data[at + 3] = 255;
    }
  }
  return png;
}

/** The 32×32 outline icon: the same glyph in white, everything else fully transparent. */
export function drawOutlineIcon(): PNG {
  const size = OUTLINE_ICON_SIZE;
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const c = coverage(x, y, size);
      const at = (y * size + x) * 4;
      png.data[at] = 255;
      png.data[at + 1] = 255;
      png.data[at + 2] = 255;
      png.data[at + 3] = Math.round(Math.min(1, c.ring + c.dot) * 255);
    }
  }
  return png;
}

/** PNG bytes of a drawn icon. */
export function encodePng(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}
