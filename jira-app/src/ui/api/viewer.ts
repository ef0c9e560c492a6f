/** The viewer's locale and time zone from the panel's context, in the shape core's date words take. */
import type { Viewer } from '@okr-bridge/core/present';
import type { PanelContext } from './context';

/** Jira's locale and zone; core falls back to en-GB and UTC for what it cannot use. */
export function viewerOf(context: Pick<PanelContext, 'locale' | 'timeZone'>): Viewer {
  return { locale: context.locale ?? 'en-GB', timeZone: context.timeZone ?? 'UTC' };
}
