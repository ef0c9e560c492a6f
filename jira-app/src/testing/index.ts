/**
 * The app's test support, as the package exports it (`@okr-bridge/jira-app/testing`): the app's
 * own handlers over a KVS double, the Acme demo seeded as an import and a reconcile would store
 * it, and the Teams side of a connection. For tests and local stand-ins outside this package;
 * never part of the Forge bundle.
 */
export { createTestDeps, loadAcme, reconciledMetrics, seedAcme, type TestDeps } from './test-deps';
export { connectTeams, signedRequest, type TeamsConnection } from './teams-bridge';
export { createHttpRequestJira, permissionsOnlyJira } from './http-request-jira';
export { KvsDouble, type KvsCounts, type KvsDoubleOptions } from '../adapters/kvs-double';
export { createKvsOkrRepository } from '../adapters/kvs-okr-repository';
export { createResolverHandlers } from '../resolvers';
export { handleWebTrigger, type WebTriggerRequestEvent, type WebTriggerResponse } from '../webtrigger/web-trigger';
export type { AppDeps } from '../app/deps';
