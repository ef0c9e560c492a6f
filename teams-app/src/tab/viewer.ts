/**
 * The viewer's locale and time zone, in the shape core's date words take: Teams gives the
 * locale (`app.locale`), the browser the time zone; outside Teams the browser gives both
 * (`?locale=` overrides for a preview). Views read it from `ViewerContext`.
 */
import { datesFor, type DateWords, type Viewer } from '@okr-bridge/core/present';
import { createContext, useContext } from 'react';

/** The browser's time zone, else UTC. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A viewer from the host's locale (null when it gives none) and the browser's zone. */
export function viewerOf(locale: string | null | undefined, timeZone: string = browserTimeZone()): Viewer {
  return { locale: locale || navigator.language || 'en-GB', timeZone };
}

export const ViewerContext = createContext<Viewer>({ locale: 'en-GB', timeZone: 'UTC' });

export function useViewer(): Viewer {
  return useContext(ViewerContext);
}

/** A date field and a core sentence, each with its dates in the viewer's words. */
export function useDates(): DateWords {
  return datesFor(useViewer());
}
