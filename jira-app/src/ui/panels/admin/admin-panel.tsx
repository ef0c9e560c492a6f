/** jira:adminPage "OKR settings": departments, cycles, rules, import/export and the Teams connection. */
import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { Notice } from '../../components/notice';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { Box, Inline, Stack } from '@atlaskit/primitives/compiled';
import type { ResolverError, SettingsView } from '../../../contract';
import { callChecked } from '../../api/checked-call';
import { useResolver } from '../../api/use-resolver';
import { ErrorNotice, RemoteView } from '../../components/load-state';
import { CyclesEditor } from './cycles-editor';
import { DepartmentsEditor } from './departments-editor';
import { ImportExport } from './import-export';
import { PeopleEditor } from './people-editor';
import { PeopleProvider } from '../../components/people/people-context';
import { RulesEditor } from './rules-editor';
import { draftOf, type SettingsDraft } from './settings-draft';
import { TeamsConnection } from './teams-connection';

function SettingsPage({ settings, reload }: { readonly settings: SettingsView; readonly reload: () => void }) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: ResolverError } | null>(null);
  useEffect(() => {
    setDraft(draftOf(settings));
    setDirty(false);
  }, [settings]);
  const edit = (d: SettingsDraft) => {
    setDraft(d);
    setDirty(true);
    setResult(null);
  };
  const save = async () => {
    setSaving(true);
    const res = await callChecked('saveSettings', { settings: draft });
    setSaving(false);
    setResult(res.ok ? { ok: true } : { ok: false, error: res.error });
    if (res.ok) reload();
  };
  const editors = [
    {
      label: 'Departments',
      body: (
        <PeopleProvider owners={[...settings.company.owners, ...settings.departments.flatMap((d) => d.owners), ...settings.people.map((p) => p.accountId)]}>
          <Stack space="space.300">
            <DepartmentsEditor draft={draft} onChange={edit} />
            <PeopleEditor draft={draft} onChange={edit} />
          </Stack>
        </PeopleProvider>
      ),
    },
    { label: 'Cycles', body: <CyclesEditor draft={draft} onChange={edit} /> },
    { label: 'Rules', body: <RulesEditor draft={draft} onChange={edit} /> },
    { label: 'Import / export', body: <ImportExport onImported={reload} /> },
    { label: 'Teams', body: <TeamsConnection settings={settings} onChanged={reload} /> },
  ];
  return (
    <Stack space="space.200">
      <Inline spread="space-between" alignBlock="center">
        <Heading size="large" as="h1">
          OKR settings
        </Heading>
        <Inline space="space.100">
          <Button appearance="subtle" isDisabled={!dirty} onClick={() => edit(draftOf(settings))}>
            Discard changes
          </Button>
          <Button appearance="primary" isDisabled={!dirty} isLoading={saving} onClick={() => void save()}>
            Save settings
          </Button>
        </Inline>
      </Inline>
      {!settings.configured && (
        <Notice appearance="information" title="Not set up yet">
          <p>Import your org file (Import / export), or add departments and a cycle and save. Panels stay empty until then.</p>
        </Notice>
      )}
      {result?.ok === true && (
        <Notice appearance="success" title="Settings saved" testId="settings-saved">
          <p>Panels use the new settings from their next load.</p>
        </Notice>
      )}
      {result?.ok === false && <ErrorNotice title="Settings not saved" error={result.error} />}
      <Tabs id="admin-tabs">
        <TabList>
          {editors.map((e) => (
            <Tab key={e.label}>{e.label}</Tab>
          ))}
        </TabList>
        {editors.map((e) => (
          <TabPanel key={e.label}>
            <Box paddingBlock="space.200" style={{ width: '100%' }}>
              {e.body}
            </Box>
          </TabPanel>
        ))}
      </Tabs>
    </Stack>
  );
}

/** Loads the settings; only Jira admins see them. */
export function AdminPanelView() {
  const { remote, reload } = useResolver('getSettings', {});
  return (
    <RemoteView remote={remote} what="the OKR settings" onRetry={reload}>
      {(settings) =>
        settings.isAdmin ? (
          <SettingsPage settings={settings} reload={reload} />
        ) : (
          <Notice appearance="warning" title="Only Jira admins change OKR settings">
            <p>Ask a Jira admin to map your project to a department or to import your org file.</p>
          </Notice>
        )
      }
    </RemoteView>
  );
}
