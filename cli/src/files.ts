/** Reading the files a command names, with errors that say which file and why. */
import { readFileSync } from 'node:fs';
import { parseIssueSnapshot, parseOrgFile } from '@okr-bridge/core';
import type { IssueFacts, Located, Org } from '@okr-bridge/core';
import { UsageError } from './io';

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new UsageError(`cannot read the ${what} ${path}: ${why}`);
  }
}

export function readOrg(path: string): Org {
  return readOrgFile(path).org;
}

/** The org file and the means to locate a path in it (file:line:col), for checks made after parsing. */
export function readOrgFile(path: string): { readonly org: Org; readonly locate: Located } {
  return parseOrgFile(readText(path, 'org file'), path);
}

export function readSnapshot(path: string, org: Org): IssueFacts[] {
  const text = readText(path, 'issue snapshot');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path}: expected a JSON issue snapshot ({ "issues": [...] }), but it is not valid JSON: ${(e as Error).message}`);
  }
  return parseIssueSnapshot(json, org.jira, path);
}
