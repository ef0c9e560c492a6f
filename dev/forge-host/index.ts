export { startForgeHost, type ForgeHost, type ForgeHostOptions, type ForgeHostStats } from './host';
export { PANEL_MODULES, buildForgeContext, type PanelName } from './context';
export type { CallRecord } from './backend';
