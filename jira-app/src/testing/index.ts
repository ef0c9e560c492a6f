/**
 * The app's test support, as the package exports it (`@okr-bridge/jira-app/testing`): the app's
 * own handlers over a KVS double, with the Acme demo stored as an import and a reconcile would
 * store it. For tests and loopback stand-ins outside this package (`dev/forge-webtrigger`);
 * never part of the Forge bundle.
 */
export { createTestDeps, loadAcme, seedAcme, type TestDeps } from './test-deps';
export { permissionsOnlyJira } from './http-request-jira';
export { KvsDouble } from '../adapters/kvs-double';
export { createResolverHandlers } from '../resolvers';
export { handleWebTrigger, type WebTriggerRequestEvent, type WebTriggerResponse } from '../webtrigger/web-trigger';
