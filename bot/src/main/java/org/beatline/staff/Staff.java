package org.beatline.staff;

/**
 * Who is making a request: a staff account signed in with a session, or a machine token.
 *
 * @param actor how the audit trail names them: the account's login, or {@code token:<name>}
 * @param name a person's name or the token's name
 * @param officerId the officer record the account is, or null
 * @param csrf the session's cross-site request token, or null for a machine token
 */
public record Staff(String actor, String name, Role role, String officerId, String csrf) {
  /** Whether the credentials came with a session cookie and so need the cross-site token. */
  public boolean bySession() {
    return csrf != null;
  }
}
