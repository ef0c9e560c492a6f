export { createJiraClient } from './jira-client';
export type { IssueRef, IssueRefPage, IssueRefSearch, JiraAuth, JiraClient, JiraClientOptions } from './jira-client';
export { JiraRequestError, defaultRetryPolicy, isJiraRequestError, jiraLimits, jiraPaths, pickStoryPointsField, storyPointsFieldNames } from '@okr-bridge/core';
export type { JiraClientStats, JiraFailureKind, JiraRequestErrorDetails, RetryEvent, RetryPolicy, StoryPointsLookup } from '@okr-bridge/core';
