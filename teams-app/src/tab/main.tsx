/** Entry of the tab page (index.html). */
import { createRoot } from 'react-dom/client';
import { createTabApi } from './api';
import { App } from './app';
import { connectHost } from './host';
import { readUrlState } from './url-state';

async function start(): Promise<void> {
  const search = new URLSearchParams(window.location.search);
  const host = await connectHost(search);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(<App api={createTabApi(host.getToken)} host={host} initial={readUrlState(search)} />);
}

void start();
