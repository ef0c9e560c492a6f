/** Mounts a panel into `#root` inside the shell (context, theme, error boundary), over Atlaskit's CSS reset. */
import '@atlaskit/css-reset';
import '../panel.css';
import type { ReactNode } from 'react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PanelContext } from '../api/context';
import { PanelShell } from '../components/panel-shell';

/** Renders `render(context)` once the context and theme are loaded. */
export function mountPanel(name: string, render: (context: PanelContext) => ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('broken invariant: the panel page has no #root element');
  createRoot(root).render(
    <StrictMode>
      <PanelShell name={name}>{render}</PanelShell>
    </StrictMode>,
  );
}
