/** Writes the Teams app icons into appPackage/: `npx tsx teams-app/scripts/draw-icons.ts`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawColorIcon, drawOutlineIcon, encodePng } from './icons';

const dir = join(__dirname, '..', 'appPackage');
writeFileSync(join(dir, 'color.png'), encodePng(drawColorIcon()));
writeFileSync(join(dir, 'outline.png'), encodePng(drawOutlineIcon()));
console.log(`wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}`);
