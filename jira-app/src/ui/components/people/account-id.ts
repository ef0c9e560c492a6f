/** The one account id (and owner email) rule lives in core; the panels import it from here. */
export { accountIdsOf, isAccountId, isOwnerEmail, ownerEmailsOf } from '@okr-bridge/core/present';
