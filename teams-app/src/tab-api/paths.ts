/** The tab API's paths, shared by the routes and the tab (plain strings: no runtime imports). */
export const TAB_API_PREFIX = '/api/tab/';

export const tabApiPaths = {
  context: () => '/api/tab/context',
  department: (id: string) => `/api/tab/department/${encodeURIComponent(id)}`,
  company: () => '/api/tab/company',
  version: () => '/api/tab/version',
  dependencies: () => '/api/tab/dependencies',
  agenda: (q: { department?: string; since?: string; minutes?: number }) => {
    const params = new URLSearchParams();
    if (q.department) params.set('department', q.department);
    if (q.since) params.set('since', q.since);
    if (q.minutes !== undefined) params.set('minutes', String(q.minutes));
    const query = params.toString();
    return `/api/tab/agenda${query ? `?${query}` : ''}`;
  },
  reviewItem: (reviewId: string, itemId: string) => `/api/tab/review/${encodeURIComponent(reviewId)}/items/${encodeURIComponent(itemId)}`,
} as const;
