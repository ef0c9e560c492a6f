/**
 * The OKR repository port: loads the records a function needs and commits a change whole.
 * Six methods; the KVS adapter and the in-memory one both pass `okr-repository.contract.ts`.
 */
import type { CycleState, DepartmentInput, SiteRecord, SyncState } from './records';

export interface RepositoryChange {
  readonly site?: SiteRecord;
  readonly cycles?: readonly CycleState[];
  readonly departments?: readonly DepartmentInput[];
  /** Department records to drop (a department removed from a cycle). */
  readonly dropDepartments?: readonly { readonly cycle: string; readonly department: string }[];
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
