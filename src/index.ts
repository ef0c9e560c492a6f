/**
 * The Forge app's function entry: `manifest.yml` names its handlers as `index.<export>`, and the
 * Forge CLI bundles this file (Forge resolves handlers from `src/` beside the manifest). The app
 * itself lives in `jira-app/`; this file only re-exports its handlers.
 */
export { issueTrigger, queueConsumer, reconcileTrigger, resolverHandler, teamsWebTrigger } from '../jira-app/src/index';
