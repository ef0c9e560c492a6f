/** The viewer's locale and time zone from the panel's context, in the shape core's date words take. */
import { datesFor, type DateWords, type Viewer } from '@okr-bridge/core/present';
import { createContext, useContext } from 'react';
import type { PanelContext } from './context';

/** Jira's locale and zone; core falls back to en-GB and UTC for what it cannot use. */
export function viewerOf(context: Pick<PanelContext, 'locale' | 'timeZone'>): Viewer {
  return { locale: context.locale ?? 'en-GB', timeZone: context.timeZone ?? 'UTC' };
}

/** The viewer of the panel, given by `PanelShell` once Jira's context is read. */
export const ViewerContext = createContext<Viewer>({ locale: 'en-GB', timeZone: 'UTC' });

/** A date field and a core sentence, each with its dates in the viewer's words. */
export function useDates(): DateWords {
  return datesFor(useContext(ViewerContext));
}
