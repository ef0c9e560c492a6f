/**
 * `npm run docs:screenshot` (after the end-to-end suite ran): copies the picture the suite took
 * of the Department OKRs panel, test/artifacts/e2e/department-okrs.png, to the committed
 * docs/department-okrs.png the README shows. Refuses a picture older than ten minutes, so a
 * failed run never leaves a stale one in the docs.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../dev/start/build';

const source = join(REPO_ROOT, 'test', 'artifacts', 'e2e', 'department-okrs.png');
const target = join(REPO_ROOT, 'docs', 'department-okrs.png');

if (!existsSync(source)) {
  process.stderr.write(`expected ${source}; run the end-to-end suite first (npm run test:e2e)\n`);
  process.exit(1);
}
const ageMinutes = (Date.now() - statSync(source).mtimeMs) / 60_000;
if (ageMinutes > 10) {
  process.stderr.write(`expected a picture from the last run, but ${source} is ${Math.round(ageMinutes)} minutes old; run npm run docs:screenshot again\n`);
  process.exit(1);
}
mkdirSync(join(REPO_ROOT, 'docs'), { recursive: true });
copyFileSync(source, target);
process.stdout.write(`${target} updated (${Math.round(statSync(target).size / 1024)} KiB)\n`);
