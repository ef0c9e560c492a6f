/**
 * The configurable tab's configuration page (`config.html`): pick the department (or the whole
 * company) and the view the tab opens on; Teams saves the resulting content URL.
 */
import { Field, FluentProvider, Link, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TabApi } from './api';
import { LocalBanner } from './local-banner';
import type { TabHost } from './host';
import { fluentThemeFor } from './theme';
import { VIEWS, type ViewName } from './url-state';
import { useLoad } from './use-load';

const useStyles = makeStyles({
  root: { minHeight: '100vh', padding: tokens.spacingHorizontalL, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The address the configured tab opens. */
export function contentUrlFor(origin: string, department: string, view: ViewName): string {
  const url = new URL('/tab/index.html', origin);
  url.searchParams.set('view', view);
  url.searchParams.set('department', department);
  return url.toString();
}

export function ConfigPage({ api, host }: { api: TabApi; host: TabHost }) {
  const styles = useStyles();
  const [ctx] = useLoad(() => api.context(), []);
  const [department, setDepartment] = useState<string | null>(null);
  const [view, setView] = useState<ViewName>('review');
  const [theme, setTheme] = useState(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  const name = ctx.kind === 'ok' ? (ctx.data.departments.find((d) => d.id === department)?.name ?? ctx.data.company.name) : '';
  const contentUrl = department === null ? null : contentUrlFor(window.location.origin, department, view);

  useEffect(() => host.config?.setValid(contentUrl !== null), [host, contentUrl]);
  useEffect(() => {
    if (!contentUrl) return;
    host.config?.onSave(() => ({ contentUrl, entityId: `okr-${department || 'company'}-${view}`, suggestedDisplayName: `OKRs: ${name}` }));
  }, [host, contentUrl, department, view, name]);

  return (
    <FluentProvider theme={fluentThemeFor(theme)} className={styles.root}>
      {host.localReason && <LocalBanner reason={host.localReason} />}
      <h1>Set up the OKR tab</h1>
      {ctx.kind === 'loading' && <Spinner label="Loading departments…" />}
      {ctx.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{ctx.message}</MessageBarBody>
        </MessageBar>
      )}
      {ctx.kind === 'ok' && (
        <>
          <Text>Which department does this channel or meeting review?</Text>
          <Field label="Department" required>
            <Select value={department ?? '-'} onChange={(_e, d) => setDepartment(d.value === '-' ? null : d.value)}>
              <option value="-" disabled>
                Pick a department
              </option>
              <option value="">Whole company ({ctx.data.company.name})</option>
              {ctx.data.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Open on">
            <Select value={view} onChange={(_e, d) => setView(d.value as ViewName)}>
              {VIEWS.map((v) => (
                <option key={v.value} value={v.value}>
                  {v.label}
                </option>
              ))}
            </Select>
          </Field>
          {contentUrl && host.mode === 'local' && (
            <Text>
              In Teams, Save adds the tab. Here: <Link href={contentUrl}>open the configured tab</Link>
            </Text>
          )}
        </>
      )}
    </FluentProvider>
  );
}
