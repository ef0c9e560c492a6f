/** One Jira REST v3 adapter for every surface, over a transport each app supplies. */
export { createJiraRestSource, jiraLimits, jiraPaths, type IssueRef, type IssueRefPage, type IssueRefSearch, type JiraRestOptions, type JiraRestSource } from './jira-rest-source';
export type { JiraAttempt, JiraHttpRequest, JiraTransport, RetryEvent } from './send';
export { JiraRequestError, excerptOf, isJiraRequestError, redact, type JiraFailureKind, type JiraRequestErrorDetails } from './errors';
export { computeBackoffMs, decideRetry, defaultRetryPolicy, formatSeconds, isRetryableStatus, jitterRetryAfterMs, readRetryAfterMs, type RetryDecision, type RetryPolicy } from './retry';
export type { JiraClientStats } from './stats';
export { pickStoryPointsField, storyPointsFieldNames, type StoryPointsLookup } from './story-points';
export { directoryLimits, directoryPaths, type JiraDirectory, type JiraPerson, type JiraProject } from './directory';
