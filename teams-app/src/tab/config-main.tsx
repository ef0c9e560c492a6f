/** Entry of the configuration page (config.html). */
import { createRoot } from 'react-dom/client';
import { createTabApi } from './api';
import { ConfigPage } from './config-page';
import { connectHost } from './host';

async function start(): Promise<void> {
  const host = await connectHost(new URLSearchParams(window.location.search));
  const root = document.getElementById('root');
  if (!root) throw new Error('config.html has no #root');
  createRoot(root).render(<ConfigPage api={createTabApi(host.getToken)} host={host} />);
}

void start();
