/** The one account id rule lives in core; the panels import it from here. */
export { accountIdsOf, isAccountId } from '@okr-bridge/core/present';
