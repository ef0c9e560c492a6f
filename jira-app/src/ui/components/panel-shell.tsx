/**
 * The frame every panel renders in: reads the Forge context, applies the theme, catches
 * render errors (saying what broke instead of a blank iframe) and hands the context on.
 */
import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import { Notice } from './notice';
import { Box } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { ContextOutcome, PanelContext } from '../api/context';
import { loadPanelContext } from '../api/load-context';
import { applyTheme } from '../api/theme';
import { Loading } from './load-state';
import { viewerOf, ViewerContext } from '../api/viewer';

class ErrorBoundary extends Component<{ readonly children: ReactNode }, { readonly error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Surfaces in the browser console (and Forge's logs) beside what the panel shows.
    console.error('okr-bridge panel failed to render', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <Notice appearance="error" title="This panel stopped working">
          <p>{this.state.error.message}</p>
          <p>Reload the page; if it happens again, tell your Jira admin what you were doing.</p>
        </Notice>
      );
    }
    return this.props.children;
  }
}

/** Loads the context and theme, then renders `children(context)`. */
export function PanelShell({ name, children }: { readonly name: string; readonly children: (context: PanelContext) => ReactNode }) {
  const [outcome, setOutcome] = useState<ContextOutcome | null>(null);
  const [themeError, setThemeError] = useState<string | null>(null);
  useEffect(() => {
    void loadPanelContext().then(async (o) => {
      if (o.kind === 'ok') await applyTheme(o.context.colorMode).catch((e: unknown) => setThemeError((e as Error).message));
      setOutcome(o);
    });
  }, []);
  return (
    <Box as="main" aria-label={name} padding="space.200" style={{ color: token('color.text'), background: token('elevation.surface'), minHeight: '100vh', font: token('font.body') }}>
      <ErrorBoundary>
        {themeError && (
          <Notice appearance="warning" title="Theme not applied">
            <p>{themeError}</p>
          </Notice>
        )}
        {outcome === null ? (
          <Loading label={`Loading ${name}`} />
        ) : outcome.kind === 'invalid' ? (
          <Notice appearance="error" title="This panel cannot start">
            <p>{outcome.message}</p>
          </Notice>
        ) : (
          <ViewerContext.Provider value={viewerOf(outcome.context)}>{children(outcome.context)}</ViewerContext.Provider>
        )}
      </ErrorBoundary>
    </Box>
  );
}
