/** Teams themes to Fluent UI themes: default → web light, dark → web dark, contrast → Teams high contrast. */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeName = 'default' | 'dark' | 'contrast';

/** The theme name Teams (or `?theme=`) gives, with anything unknown read as default. */
export function themeNameOf(value: string | null | undefined): ThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

export function fluentThemeFor(name: ThemeName): Theme {
  return name === 'dark' ? webDarkTheme : name === 'contrast' ? teamsHighContrastTheme : webLightTheme;
}
