/**
 * `npm run package:teams`: writes dist/okr-bridge-teams.zip, the app package users upload to
 * Teams. Needs BOT_ID, TAB_DOMAIN and AAD_APP_ID in the environment.
 */
import { join } from 'node:path';
import { PACKAGE_FILE_NAME, writeTeamsPackage } from './teams-package';

async function main(): Promise<number> {
  const root = join(__dirname, '..');
  const result = await writeTeamsPackage({ appPackageDir: join(root, 'appPackage'), outFile: join(root, 'dist', PACKAGE_FILE_NAME), env: process.env });
  if (result.kind === 'invalid') {
    console.error(`package:teams: cannot build the Teams app package:\n  ${result.problems.join('\n  ')}`);
    console.error('Set BOT_ID and AAD_APP_ID (GUIDs) and TAB_DOMAIN (the host serving the tab, e.g. okr.example.com).');
    return 1;
  }
  console.log(`package:teams: wrote ${result.file} (${result.bytes} bytes)`);
  return 0;
}

main().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
