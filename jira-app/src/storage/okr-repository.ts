/**
 * The OKR repository port: loads the records a function needs and commits a change whole.
 * Five methods; the KVS adapter and the in-memory one both pass `okr-repository.contract.ts`.
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
  /** Applies every part of `change` together: readers see all of it or none of it. */
  commit(change: RepositoryChange): Promise<void>;
}
