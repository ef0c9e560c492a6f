import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { drawColorIcon, drawOutlineIcon, encodePng } from './icons';

const read = (name: string) => PNG.sync.read(readFileSync(join(__dirname, '..', 'appPackage', name)));
const alphas = (png: PNG) => Array.from({ length: png.width * png.height }, (_, i) => png.data[i * 4 + 3] ?? -1);

describe('the Teams app icons', () => {
  test('the color icon is 192×192 and fully opaque', () => {
    const png = read('color.png');
    expect([png.width, png.height]).toEqual([192, 192]);
    expect(new Set(alphas(png))).toEqual(new Set([255]));
  });

  test('the outline icon is 32×32, white only, on a transparent background', () => {
    const png = read('outline.png');
    expect([png.width, png.height]).toEqual([32, 32]);
    const a = alphas(png);
    expect(a[0]).toBe(0);
    expect(a.filter((x) => x === 0).length).toBeGreaterThan(32 * 32 * 0.4);
    expect(a.filter((x) => x === 255).length).toBeGreaterThan(32 * 32 * 0.1);
    for (let i = 0; i < 32 * 32; i += 1) {
      if ((a[i] ?? 0) > 0) expect([png.data[i * 4], png.data[i * 4 + 1], png.data[i * 4 + 2]]).toEqual([255, 255, 255]);
    }
  });

  test('the committed icons are what the drawing script produces', () => {
    expect(encodePng(drawColorIcon()).equals(readFileSync(join(__dirname, '..', 'appPackage', 'color.png')))).toBe(true);
    expect(encodePng(drawOutlineIcon()).equals(readFileSync(join(__dirname, '..', 'appPackage', 'outline.png')))).toBe(true);
  });
});
