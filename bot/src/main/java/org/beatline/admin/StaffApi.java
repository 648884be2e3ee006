package org.beatline.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Set;
import org.beatline.concern.Officers;
import org.beatline.http.Requests;
import org.beatline.staff.Account;
import org.beatline.staff.Accounts;
import org.beatline.staff.AuditTrail;
import org.beatline.staff.LoginThrottle;
import org.beatline.staff.Passwords;
import org.beatline.staff.Role;
import org.beatline.staff.Sessions;
import org.beatline.staff.Staff;
import org.beatline.staff.Tokens;

/**
 * Signing in and out ({@code /api/v1/session}), staff accounts ({@code /api/v1/accounts}), machine
 * tokens ({@code /api/v1/tokens}) and the audit trail ({@code /api/v1/audit}). Only admins manage
 * accounts and tokens; anyone signed in may change their own password.
 */
public final class StaffApi {
  private static final String ROLES = "admin, liaison, complaint_intake or viewer";
  private static final Set<String> CREATE =
      Set.of("login", "name", "role", "password", "officerId");
  private static final Set<String> CHANGE =
      Set.of("name", "role", "password", "officerId", "disabled");

  /**
   * Verified against when a login names no account, so that both take the same time; made on the
   * first such login (a worker thread's hash), not at startup.
   */
  private static final class NoOne {
    static final String HASH = Passwords.hash("no account has this password");
  }

  private final Vertx vertx;
  private final Access access;
  private final Accounts accounts;
  private final Sessions sessions;
  private final Tokens tokens;
  private final AuditTrail audit;
  private final LoginThrottle throttle;
  private final Officers officers;
  private final boolean secureCookies;

  public StaffApi(
      Vertx vertx,
      Access access,
      Accounts accounts,
      Sessions sessions,
      Tokens tokens,
      AuditTrail audit,
      LoginThrottle throttle,
      Officers officers,
      boolean secureCookies) {
    this.vertx = vertx;
    this.access = access;
    this.accounts = accounts;
    this.sessions = sessions;
    this.tokens = tokens;
    this.audit = audit;
    this.throttle = throttle;
    this.officers = officers;
    this.secureCookies = secureCookies;
  }

  public void routes(Router router) {
    String base = AdminApi.BASE;
    router.post(base + "/session").handler(Requests.body()).handler(this::signIn);
    router.get(base + "/session").handler(this::whoAmI);
    router.delete(base + "/session").handler(this::signOut);
    io.vertx.core.Handler<RoutingContext> admin = Access.only(Role.ADMIN);
    router.get(base + "/accounts").handler(admin).handler(this::listAccounts);
    router
        .post(base + "/accounts")
        .handler(admin)
        .handler(Requests.body())
        .handler(this::createAccount);
    router.patch(base + "/accounts/:login").handler(Requests.body()).handler(this::changeAccount);
    router.delete(base + "/accounts/:login").handler(admin).handler(this::deleteAccount);
    router.get(base + "/tokens").handler(admin).handler(this::listTokens);
    router
        .post(base + "/tokens")
        .handler(admin)
        .handler(Requests.body())
        .handler(this::createToken);
    router.delete(base + "/tokens/:id").handler(admin).handler(this::revokeToken);
    router.get(base + "/audit").handler(admin).handler(this::listAudit);
  }

  private void signIn(RoutingContext ctx) {
    String login;
    String password;
    try {
      Body b = Body.of(ctx, Set.of("login", "password"));
      login = b.string("login", true, 64).toLowerCase(java.util.Locale.ROOT);
      password = b.string("password", true, 200);
    } catch (Body.Invalid e) {
      Requests.refuse(ctx, 400, e.getMessage());
      return;
    }
    String address = ctx.request().remoteAddress().hostAddress();
    access.auditOnEnd(ctx, Account.validLogin(login) ? login : "(not a login)", "-");
    throttle
        .wait(login, address)
        .compose(
            wait -> {
              if (wait > 0) {
                ctx.response().putHeader("Retry-After", Long.toString(wait));
                Requests.refuse(ctx, 429, "too many failed sign-ins: try again later");
                return Future.succeededFuture();
              }
              return accounts
                  .find(login)
                  .compose(
                      a ->
                          vertx
                              .executeBlocking(
                                  () ->
                                      Passwords.verify(
                                              password, a == null ? NoOne.HASH : a.passwordHash())
                                          && a != null
                                          && !a.disabled(),
                                  false)
                              .compose(ok -> ok ? opened(ctx, a) : refused(ctx, login, address)));
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private Future<Void> opened(RoutingContext ctx, Account a) {
    return throttle
        .succeeded(a.login())
        .compose(v -> sessions.open(a.login(), Instant.now()))
        .map(
            o -> {
              ctx.response()
                  .addCookie(
                      Cookie.cookie(Access.COOKIE, o.id())
                          .setPath("/")
                          .setHttpOnly(true)
                          .setSecure(secureCookies)
                          .setSameSite(CookieSameSite.STRICT)
                          .setMaxAge(Sessions.LENGTH.toSeconds()));
              ctx.json(who(a.login(), a.name(), a.role(), a.officerId(), o.session().csrf()));
              return null;
            });
  }

  private Future<Void> refused(RoutingContext ctx, String login, String address) {
    return throttle
        .failed(login, address)
        .map(
            v -> {
              Requests.refuse(ctx, 401, "wrong login or password");
              return null;
            });
  }

  private static JsonObject who(
      String login, String name, Role role, String officerId, String csrf) {
    return new JsonObject()
        .put("login", login)
        .put("name", name)
        .put("role", role.id())
        .put("officerId", officerId)
        .put("csrf", csrf);
  }

  private void whoAmI(RoutingContext ctx) {
    Staff s = Access.staff(ctx);
    ctx.json(who(s.actor(), s.name(), s.role(), s.officerId(), s.csrf()));
  }

  private void signOut(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(Access.COOKIE);
    sessions
        .close(cookie == null ? null : cookie.getValue())
        .onSuccess(
            v -> {
              ctx.response()
                  .addCookie(
                      Cookie.cookie(Access.COOKIE, "")
                          .setPath("/")
                          .setHttpOnly(true)
                          .setSecure(secureCookies)
                          .setSameSite(CookieSameSite.STRICT)
                          .setMaxAge(0));
              ctx.response().setStatusCode(204).end();
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void listAccounts(RoutingContext ctx) {
    Page page = Page.of(ctx);
    if (page == null) {
      return;
    }
    accounts
        .page(page.cursor(), page.limit())
        .onSuccess(list -> ctx.json(page.answer(list, Account::toJson, Account::login)))
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void createAccount(RoutingContext ctx) {
    String login;
    String name;
    Role role;
    String password;
    String officerId;
    try {
      Body b = Body.of(ctx, CREATE);
      login = b.string("login", true, 64);
      if (!Account.validLogin(login)) {
        throw new Body.Invalid(
            "login: 2 to 64 lower-case letters, digits and . _ @ -, starting with a letter or digit");
      }
      name = b.string("name", true, 100);
      role = role(b.string("role", true, 32));
      password = password(b.string("password", true, 200));
      officerId = b.string("officerId", false, 64);
    } catch (Body.Invalid e) {
      Requests.refuse(ctx, 400, e.getMessage());
      return;
    }
    String by = Access.staff(ctx).actor();
    officerExists(officerId)
        .compose(
            exists -> {
              if (!exists) {
                Requests.refuse(ctx, 400, "officerId: no officer " + officerId);
                return Future.succeededFuture();
              }
              return vertx
                  .executeBlocking(() -> Passwords.hash(password), false)
                  .compose(
                      hash -> {
                        Account a =
                            new Account(
                                login, name, role, officerId, hash, false, Instant.now(), by);
                        return accounts
                            .create(a)
                            .map(
                                created -> {
                                  if (created) {
                                    ctx.response()
                                        .setStatusCode(201)
                                        .putHeader("Content-Type", "application/json")
                                        .end(a.toJson().encode());
                                  } else {
                                    Requests.refuse(ctx, 409, "login " + login + " is taken");
                                  }
                                  return null;
                                });
                      });
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void changeAccount(RoutingContext ctx) {
    Staff s = Access.staff(ctx);
    String login = ctx.pathParam("login");
    Body b;
    try {
      b = Body.of(ctx, CHANGE);
    } catch (Body.Invalid e) {
      Requests.refuse(ctx, 400, e.getMessage());
      return;
    }
    boolean ownPassword =
        login.equals(s.actor()) && b.has("password") && b.size() == 1 && s.bySession();
    if (s.role() != Role.ADMIN && !ownPassword) {
      Requests.refuse(ctx, 403, "your role may only change your own password");
      return;
    }
    String name;
    Role role;
    String password;
    String officerId;
    Boolean disabled;
    try {
      name = b.string("name", false, 100);
      String r = b.string("role", false, 32);
      role = r == null ? null : role(r);
      String p = b.string("password", false, 200);
      password = p == null ? null : password(p);
      officerId = b.string("officerId", false, 64);
      disabled = b.has("disabled") ? b.bool("disabled", false) : null;
    } catch (Body.Invalid e) {
      Requests.refuse(ctx, 400, e.getMessage());
      return;
    }
    if (login.equals(s.actor())
        && (Boolean.TRUE.equals(disabled)
            || (role != null && role != Role.ADMIN && s.role() == Role.ADMIN))) {
      Requests.refuse(
          ctx, 409, "you cannot disable your own account or give up your own admin role");
      return;
    }
    accounts
        .find(login)
        .compose(
            old -> {
              if (old == null) {
                Requests.refuse(ctx, 404, "no account " + login);
                return Future.succeededFuture();
              }
              return officerExists(officerId)
                  .compose(
                      exists -> {
                        if (!exists) {
                          Requests.refuse(ctx, 400, "officerId: no officer " + officerId);
                          return Future.succeededFuture();
                        }
                        Future<String> hash =
                            password == null
                                ? Future.succeededFuture(old.passwordHash())
                                : vertx.executeBlocking(() -> Passwords.hash(password), false);
                        return hash.compose(
                            h -> {
                              Account changed =
                                  new Account(
                                      old.login(),
                                      name != null ? name : old.name(),
                                      role != null ? role : old.role(),
                                      b.has("officerId") ? officerId : old.officerId(),
                                      h,
                                      disabled != null ? disabled : old.disabled(),
                                      old.createdAt(),
                                      old.createdBy());
                              boolean endSessions =
                                  password != null
                                      || changed.disabled()
                                      || changed.role() != old.role();
                              return accounts
                                  .save(changed)
                                  .compose(
                                      v ->
                                          endSessions
                                              ? sessions.closeAll(login)
                                              : Future.succeededFuture())
                                  .map(
                                      v -> {
                                        ctx.json(changed.toJson());
                                        return null;
                                      });
                            });
                      });
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void deleteAccount(RoutingContext ctx) {
    String login = ctx.pathParam("login");
    if (login.equals(Access.staff(ctx).actor())) {
      Requests.refuse(ctx, 409, "you cannot delete your own account");
      return;
    }
    accounts
        .delete(login)
        .compose(gone -> sessions.closeAll(login).map(gone))
        .onSuccess(
            gone -> {
              if (gone) {
                ctx.response().setStatusCode(204).end();
              } else {
                Requests.refuse(ctx, 404, "no account " + login);
              }
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void listTokens(RoutingContext ctx) {
    Page page = Page.of(ctx);
    if (page == null) {
      return;
    }
    tokens
        .all()
        .onSuccess(
            all -> {
              JsonObject answer = page.slice(ctx, all.stream().map(Tokens.Token::toJson).toList());
              if (answer != null) {
                ctx.json(answer);
              }
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void createToken(RoutingContext ctx) {
    String name;
    Role role;
    try {
      Body b = Body.of(ctx, Set.of("name", "role"));
      name = b.string("name", true, 100);
      role = role(b.string("role", true, 32));
    } catch (Body.Invalid e) {
      Requests.refuse(ctx, 400, e.getMessage());
      return;
    }
    tokens
        .create(name, role, Access.staff(ctx).actor(), Instant.now())
        .onSuccess(
            made ->
                ctx.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .end(made.token().toJson().put("token", made.secret()).encode()))
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void revokeToken(RoutingContext ctx) {
    tokens
        .revoke(ctx.pathParam("id"))
        .onSuccess(
            gone -> {
              if (gone) {
                ctx.response().setStatusCode(204).end();
              } else {
                Requests.refuse(ctx, 404, "no token " + ctx.pathParam("id"));
              }
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void listAudit(RoutingContext ctx) {
    Page page = Page.of(ctx);
    if (page == null || !page.streamCursor(ctx)) {
      return;
    }
    audit
        .page(page.cursor(), page.limit())
        .onSuccess(list -> ctx.json(page.answer(list, e -> e, e -> e.getString("id"))))
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private Future<Boolean> officerExists(String officerId) {
    return officerId == null
        ? Future.succeededFuture(true)
        : officers.find(officerId).map(o -> o != null);
  }

  private static Role role(String id) {
    return Role.of(id).orElseThrow(() -> new Body.Invalid("role: must be " + ROLES));
  }

  private static String password(String p) {
    if (p.codePointCount(0, p.length()) < Passwords.MIN_LENGTH) {
      throw new Body.Invalid("password: at least " + Passwords.MIN_LENGTH + " characters");
    }
    return p;
  }
}
