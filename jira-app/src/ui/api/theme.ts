/**
 * Light and dark themes: `view.theme.enable()` lets Jira keep the iframe in step with its own
 * theme, and `setGlobalTheme` loads the Atlassian design tokens for the mode the context
 * names (the OS preference when it names none), so every `token()` resolves.
 */
import { view } from '@forge/bridge';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import type { ColorMode } from './context';

/** Enables theming and loads the tokens of `colorMode`. */
export async function applyTheme(colorMode: ColorMode): Promise<void> {
  await view.theme.enable();
  await setGlobalTheme({ colorMode });
}
