/** The tab's client of its API: every call carries the token; failures become `ApiError`s with the server's message. */
import type { AgendaPage, CompanyPage, DepartmentPage, DependenciesPage, ReviewItemState, TabContext, TabError, VersionPage } from '../tab-api/contract';
import { tabApiPaths } from '../tab-api/paths';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface TabApi {
  context(): Promise<TabContext>;
  /** The stamp open views poll: it moves when the Jira site told the service of a change. */
  version(): Promise<VersionPage>;
  department(id: string): Promise<DepartmentPage>;
  company(): Promise<CompanyPage>;
  dependencies(): Promise<DependenciesPage>;
  agenda(query: { department?: string; minutes?: number }): Promise<AgendaPage>;
  saveItem(reviewId: string, itemId: string, change: { discussed?: boolean; decision?: string; notes?: string }): Promise<ReviewItemState>;
}

export function createTabApi(getToken: () => Promise<string>): TabApi {
  const request = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const token = await getToken();
    const res = await fetch(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}`, accept: 'application/json' } });
    const body = (await res.json().catch(() => null)) as T | TabError | null;
    if (!res.ok) {
      const message = body && typeof body === 'object' && 'error' in body ? body.error.message : `the service answered ${res.status}`;
      throw new ApiError(res.status, message);
    }
    return body as T;
  };
  return {
    context: () => request(tabApiPaths.context()),
    version: () => request(tabApiPaths.version()),
    department: (id) => request(tabApiPaths.department(id)),
    company: () => request(tabApiPaths.company()),
    dependencies: () => request(tabApiPaths.dependencies()),
    agenda: (q) => request(tabApiPaths.agenda(q)),
    saveItem: (reviewId, itemId, change) =>
      request(tabApiPaths.reviewItem(reviewId, itemId), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) }),
  };
}
