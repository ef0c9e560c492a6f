/** What the tab's address says: which view, which department, which theme in local mode. */
export type ViewName = 'review' | 'dependencies' | 'department';
export const VIEWS: readonly { readonly value: ViewName; readonly label: string }[] = [
  { value: 'review', label: 'Review' },
  { value: 'dependencies', label: 'Dependencies' },
  { value: 'department', label: 'Department' },
];

export interface UrlState {
  readonly view: ViewName;
  /** A department id, '' for the whole company, or null when the address names none. */
  readonly department: string | null;
  /** The personal "My OKRs" tab. */
  readonly personal: boolean;
}

export function readUrlState(search: URLSearchParams): UrlState {
  const personal = search.get('personal') === '1';
  const view = search.get('view');
  return {
    view: view === 'review' || view === 'dependencies' || view === 'department' ? view : personal ? 'department' : 'review',
    department: search.get('department'),
    personal,
  };
}

/** Keeps the address in step with the view and department, so a reload shows the same thing. */
export function writeUrlState(state: { view: ViewName; department: string }): void {
  const url = new URL(window.location.href);
  url.searchParams.set('view', state.view);
  url.searchParams.set('department', state.department);
  window.history.replaceState(null, '', url);
}
