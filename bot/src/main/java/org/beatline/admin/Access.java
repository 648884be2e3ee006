package org.beatline.admin;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.beatline.http.Requests;
import org.beatline.staff.Accounts;
import org.beatline.staff.AuditTrail;
import org.beatline.staff.Role;
import org.beatline.staff.Sessions;
import org.beatline.staff.Staff;
import org.beatline.staff.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call {@code /api/v1}: a staff member signed in with a session cookie (whose changes carry
 * the session's {@code X-CSRF-Token}), or a machine token as a bearer, {@code ADMIN_TOKEN} among
 * them. Missing or wrong credentials are refused with 401, a role's forbidden action with 403.
 * Every change is written to the audit trail with who made it, whatever its outcome.
 */
public final class Access {
  private static final Logger LOG = LoggerFactory.getLogger(Access.class);
  static final String COOKIE = "beatline_session";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String STAFF = "staff";
  private static final Set<HttpMethod> READS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  /**
   * Changes a viewer may still ask for: signing out, and asking what a text would be understood as.
   */
  private static final Set<String> READ_ONLY_POSTS =
      Set.of(AdminApi.BASE + "/session", AdminApi.BASE + "/nlu/parse");

  private final String adminToken;
  private final Accounts accounts;
  private final Sessions sessions;
  private final Tokens tokens;
  private final AuditTrail audit;

  public Access(
      String adminToken, Accounts accounts, Sessions sessions, Tokens tokens, AuditTrail audit) {
    this.adminToken = adminToken;
    this.accounts = accounts;
    this.sessions = sessions;
    this.tokens = tokens;
    this.audit = audit;
  }

  /** The staff member or token making the request, once {@link #authenticate} has passed. */
  static Staff staff(RoutingContext ctx) {
    return ctx.get(STAFF);
  }

  /** Whether a request changes something. */
  static boolean changes(RoutingContext ctx) {
    return !READS.contains(ctx.request().method());
  }

  /** Finds who is calling, refuses those who are no one, and audits what they change. */
  void authenticate(RoutingContext ctx) {
    if (ctx.request().method() == HttpMethod.POST
        && ctx.request().path().equals(AdminApi.BASE + "/session")) {
      ctx.next(); // signing in is how one gets credentials
      return;
    }
    // The body is read by a later handler, once the caller is known: hold it until then, and let
    // the rest of it go once the answer is sent, whether or not anything read it.
    ctx.request().pause();
    ctx.addEndHandler(v -> ctx.request().resume());
    identify(ctx)
        .onFailure(
            e -> {
              LOG.warn("cannot check staff credentials: {}", e.toString());
              Requests.refuse(ctx, 503, "store unavailable");
            })
        .onSuccess(
            staff -> {
              if (ctx.response().ended()) {
                return;
              }
              if (staff == null) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                Requests.refuse(ctx, 401, "sign in or send a bearer token");
                return;
              }
              ctx.put(STAFF, staff);
              if (changes(ctx)) {
                auditOnEnd(ctx, staff.actor(), staff.role().id());
                if (staff.bySession()
                    && !Requests.sameSecret(staff.csrf(), ctx.request().getHeader(CSRF_HEADER))) {
                  Requests.refuse(ctx, 403, "the " + CSRF_HEADER + " header is missing or wrong");
                  return;
                }
                if (staff.role() == Role.VIEWER
                    && !READ_ONLY_POSTS.contains(ctx.request().path())) {
                  Requests.refuse(ctx, 403, "a viewer may only read");
                  return;
                }
              }
              ctx.next();
            });
  }

  /** Records the request in the audit trail when its answer has been sent. */
  void auditOnEnd(RoutingContext ctx, String actor, String role) {
    String method = ctx.request().method().name();
    String path = ctx.request().path();
    ctx.addEndHandler(
        v ->
            audit
                .record(actor, role, method, path, ctx.response().getStatusCode(), Instant.now())
                .onFailure(e -> LOG.warn("cannot write the audit trail: {}", e.toString())));
  }

  private Future<Staff> identify(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null) {
      if (!header.startsWith("Bearer ")) {
        return Future.succeededFuture(null);
      }
      String secret = header.substring("Bearer ".length()).strip();
      if (adminToken != null && Requests.sameSecret(adminToken, secret)) {
        return Future.succeededFuture(
            new Staff("token:ADMIN_TOKEN", "ADMIN_TOKEN", Role.ADMIN, null, null));
      }
      return tokens
          .find(secret)
          .map(
              t ->
                  t == null
                      ? null
                      : new Staff("token:" + t.name(), t.name(), t.role(), null, null));
    }
    Cookie cookie = ctx.request().getCookie(COOKIE);
    if (cookie == null) {
      return Future.succeededFuture(null);
    }
    return sessions
        .find(cookie.getValue())
        .compose(
            s ->
                s == null
                    ? Future.succeededFuture(null)
                    : accounts
                        .find(s.login())
                        .map(
                            a ->
                                a == null || a.disabled()
                                    ? null
                                    : new Staff(
                                        a.login(), a.name(), a.role(), a.officerId(), s.csrf())));
  }

  /**
   * A handler that lets every role read and only {@code roles} change, refusing others with 403.
   */
  static Handler<RoutingContext> changesOnlyBy(Role first, Role... more) {
    Handler<RoutingContext> only = only(first, more);
    return ctx -> {
      if (changes(ctx)) {
        only.handle(ctx);
      } else {
        ctx.next();
      }
    };
  }

  /** A handler that lets only {@code roles} through, refusing others with 403. */
  static Handler<RoutingContext> only(Role first, Role... more) {
    EnumSet<Role> allowed = EnumSet.of(first, more);
    return ctx -> {
      Staff s = staff(ctx);
      if (s != null && allowed.contains(s.role())) {
        ctx.next();
      } else {
        Requests.refuse(ctx, 403, "your role may not do this");
      }
    };
  }
}
