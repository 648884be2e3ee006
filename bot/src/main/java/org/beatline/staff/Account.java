package org.beatline.staff;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A staff member's account: who they are, their role, the officer record they are (if any), and
 * their password's hash. A disabled account keeps its history but cannot sign in.
 */
public record Account(
    String login,
    String name,
    Role role,
    String officerId,
    String passwordHash,
    boolean disabled,
    Instant createdAt,
    String createdBy) {
  private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

  /** Whether {@code login} may name an account: 2 to 64 lower-case letters, digits, . _ @ -. */
  public static boolean validLogin(String login) {
    return login != null && LOGIN.matcher(login).matches();
  }

  /** What staff are shown of an account: never the hash. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("login", login)
        .put("name", name)
        .put("role", role.id())
        .put("officerId", officerId)
        .put("disabled", disabled)
        .put("createdAt", createdAt.toString())
        .put("createdBy", createdBy);
  }

  JsonObject stored() {
    return toJson().put("passwordHash", passwordHash);
  }

  static Account from(JsonObject j) {
    return new Account(
        j.getString("login"),
        j.getString("name"),
        Role.of(j.getString("role")).orElse(Role.VIEWER),
        j.getString("officerId"),
        j.getString("passwordHash"),
        j.getBoolean("disabled", false),
        Instant.parse(j.getString("createdAt")),
        j.getString("createdBy"));
  }
}
