/**
 * The OKR repository port: loads the records a function needs and commits a change whole.
 * Six methods; the KVS adapter and the in-memory one both pass `okr-repository.contract.ts`.
 *
 * A repository is opened per invocation and remembers the revision of every record it loaded:
 * `commit` writes a record it loaded only if no one else has written it since, else it writes
 * nothing and throws `RevisionConflict` (the caller re-reads, re-applies its edit and commits
 * again; see `app/session.ts`). A record written without being loaded is written as given.
 *
 * Department records live under their cycle's generation (`SiteRecord.index[cycle].generation`):
 * `loadDepartment` and `commit` read and write the generation of the site this repository
 * loaded (or is committing), loading the site first when it has not.
 */
import type { CycleState, DepartmentInput, SiteRecord, SyncState } from './records';

export interface RepositoryChange {
  readonly site?: SiteRecord;
  readonly cycles?: readonly CycleState[];
  readonly departments?: readonly DepartmentInput[];
  /**
   * Department records to drop (a department removed from a cycle), of the cycle's current
   * generation, or of `generation` when given (the records a switch of generation left behind;
   * null: the first generation).
   */
  readonly dropDepartments?: readonly { readonly cycle: string; readonly department: string; readonly generation?: string | null }[];
  /**
   * Department records of a generation no reader sees yet (an import under way), written as
   * given: they change no view, so no stamp.
   */
  readonly stage?: { readonly generation: string; readonly departments: readonly DepartmentInput[] };
  readonly sync?: SyncState;
}

export interface OkrRepository {
  loadSite(): Promise<SiteRecord | null>;
  loadCycle(cycle: string): Promise<CycleState | null>;
  loadDepartment(cycle: string, department: string): Promise<DepartmentInput | null>;
  loadSync(): Promise<SyncState>;
  /**
   * An opaque stamp that changes with every commit that changes what a view may show (the
   * site, a cycle or a department record; not the sync state alone): one small read, so an
   * open page can ask "anything new?" every few seconds. Null before the first such commit.
   */
  loadStamp(): Promise<string | null>;
  /** Applies every part of `change` together: readers see all of it or none of it. */
  commit(change: RepositoryChange): Promise<void>;
}

/** Whether `change` writes a record a view reads (everything but the sync state): such commits change the stamp. */
export function touchesViews(change: RepositoryChange): boolean {
  return Boolean(change.site || change.cycles?.length || change.departments?.length || change.dropDepartments?.length);
}

/** A commit refused because a record it writes changed since this repository loaded it. */
export class RevisionConflict extends Error {
  constructor(readonly records: readonly string[]) {
    super(`expected ${records.join(', ')} unchanged since loaded, but another writer changed ${records.length === 1 ? 'it' : 'them'}; load again and re-apply the change`);
    this.name = 'RevisionConflict';
  }
}
