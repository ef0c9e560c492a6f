/** Reads a snapshot file (`{ "issues": [...] }` in the raw REST v3 shape) into a site. */
import { readFileSync } from 'node:fs';
import { siteFromSnapshot, type Site, type SiteOptions } from './site';

/** A site from the snapshot at `path`; throws `OkrError('invalid-snapshot')` naming the file and the bad issue. */
export function loadSnapshotFile(path: string, options: SiteOptions = {}): Site {
  return siteFromSnapshot(JSON.parse(readFileSync(path, 'utf8')) as unknown, options, path);
}
