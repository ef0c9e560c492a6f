/**
 * What a browser surface needs to present the views, without the rest of core (no zod, no
 * YAML, no Node built-ins): labels and tones, the sparkline geometry, dates in the viewer's
 * words, how requests from Teams meet the agenda, and the key result rules forms check. Panels and the tab import this entry
 * (`@okr-bridge/core/present`) so their bundles stay small. Only re-exports.
 */
export { AGENDA_KIND_LABELS, DEPENDENCY_STATE_LABELS, DEPENDENCY_STATE_TONES, percentLabel, scoreLabel, STATUS_LABELS, STATUS_TONES, type Tone } from './views/labels';
export { computeSparkline, describeSparkline, plotPoint, type SparklineGeometry, type SparklineInput, type TrendPoint } from './views/sparkline';
export type { Status } from './progress/types';
export type { DependencyState } from './dependencies/types';
export { dependencyTitleOf, describeDeliverable, describeImpact, describeNeed } from './views/dependency-text';
export { describePace } from './views/status-text';
export { explanationSentence, type ExplanationLine } from './views/explain-text';
export { AGENDA_KIND_TONES } from './views/labels';
export { formatNumber } from './progress/format';
export { datesFor, describeAgo, formatDate, formatInstant, wordDates, type DateWords, type Viewer } from './views/dates';
export { agendaPlaceOf, findAgendaItem } from './agenda/requests';
export { metricTargetProblem } from './model/kr-rules';
export { accountIdsInText, accountIdsOf, isAccountId, replaceAccountIds } from './people/account-id';
export { emailsInText, isOwnerEmail, ownerEmailsOf, replaceEmails } from './people/owner-email';
export { indexPeople, nameOwnersIn, ownerAddresses, ownerLabel, personOf, UNNAMED_ACCOUNT_LABEL, type OwnerPerson, type PeopleIndex } from './people/owner-label';
