/** What the tab API knows about the person behind a verified token. */
export interface TabIdentity {
  /** The Microsoft Entra tenant (`tid`): the Teams organisation. */
  readonly tenantId: string;
  /** The user's object id (`oid`), stable across sign-ins. */
  readonly userId: string;
  readonly name: string;
  /** `preferred_username` or `upn`: usually the email the org file names owners by. */
  readonly email: string | null;
}

/**
 * A token check's outcome. `refused` is the caller's fault (answer 401 with the reason);
 * `unavailable` means the signing keys could not be read (answer 503, try again later).
 */
export type TokenVerification =
  | { readonly kind: 'ok'; readonly identity: TabIdentity }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'unavailable'; readonly reason: string };

export type VerifyToken = (token: string) => Promise<TokenVerification>;
