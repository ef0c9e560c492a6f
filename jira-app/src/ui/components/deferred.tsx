/**
 * What a panel does not show when it opens, loaded when it is first asked for: the explain
 * dialog, the editors and pickers (Atlaskit's modal, form and select weigh more than the
 * pages themselves). Each is a separate chunk of the panel's build.
 */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/** The component `load` resolves with, loaded on first render. */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazy(async () => ({ default: await load() }));
}

export const ExplainModal = deferred(() => import('./explain-modal.js').then((m) => m.ExplainModal));
export const CheckInForm = deferred(() => import('./forms/check-in-form.js').then((m) => m.CheckInForm));
export const KrForm = deferred(() => import('./forms/kr-form.js').then((m) => m.KrForm));
export const ObjectiveForm = deferred(() => import('./forms/objective-form.js').then((m) => m.ObjectiveForm));
export const TeamsLinkModal = deferred(() => import('./teams-link-modal.js').then((m) => m.TeamsLinkModal));

/** Renders `children` once their chunk is loaded; nothing meanwhile (`fallback` when given). */
export function Deferred({ children, fallback = null }: { readonly children: ReactNode; readonly fallback?: ReactNode }) {
  return <Suspense fallback={fallback}>{children}</Suspense>;
}
