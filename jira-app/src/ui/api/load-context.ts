/** Reads the panel's context from the bridge (Jira's, or the local Forge host's shim). */
import { view } from '@forge/bridge';
import { parsePanelContext, type ContextOutcome } from './context';

/** Reads the context from the bridge. */
export async function loadPanelContext(): Promise<ContextOutcome> {
  try {
    return parsePanelContext(await view.getContext());
  } catch (e) {
    return { kind: 'invalid', message: `This panel could not read its Jira context: ${(e as Error).message}` };
  }
}
