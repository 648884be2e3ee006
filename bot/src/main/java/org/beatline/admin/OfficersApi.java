package org.beatline.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import org.beatline.concern.Officer;
import org.beatline.concern.Officers;
import org.beatline.contact.Addresses;
import org.beatline.conversation.Department;
import org.beatline.http.Requests;
import org.beatline.staff.Role;

/** {@code /api/v1/officers}: register, read, change and remove the officers concerns go to. */
public final class OfficersApi {
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "displayName",
          "role",
          "phone",
          "telegramChatId",
          "neighbourhoods",
          "languages",
          "active");
  private final Officers officers;
  private final Department department;

  public OfficersApi(Officers officers, Department department) {
    this.officers = officers;
    this.department = department;
  }

  public void routes(Router router) {
    String base = AdminApi.BASE + "/officers";
    router.route(base + "*").handler(Access.changesOnlyBy(Role.ADMIN));
    router.post(base).handler(Requests.body()).handler(this::create);
    router.get(base).handler(this::list);
    router.get(base + "/:id").handler(this::get);
    router.patch(base + "/:id").handler(Requests.body()).handler(this::patch);
    router.delete(base + "/:id").handler(this::delete);
  }

  private void create(RoutingContext ctx) {
    Officer o;
    try {
      o = read(Body.of(ctx, FIELDS), null);
    } catch (Body.Invalid e) {
      Requests.refuse(ctx, 400, e.getMessage());
      return;
    }
    answer(ctx, officers.create(o), 201);
  }

  private void patch(RoutingContext ctx) {
    officers
        .find(ctx.pathParam("id"))
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"))
        .onSuccess(
            old -> {
              if (old == null) {
                Requests.refuse(ctx, 404, "no officer " + ctx.pathParam("id"));
                return;
              }
              Officer changed;
              try {
                changed = read(Body.of(ctx, FIELDS), old);
              } catch (Body.Invalid e) {
                Requests.refuse(ctx, 400, e.getMessage());
                return;
              }
              answer(ctx, officers.update(changed), 200);
            });
  }

  private void answer(RoutingContext ctx, Future<Officer> saved, int status) {
    saved
        .onSuccess(
            o ->
                ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(json(o).encode()))
        .onFailure(
            e -> {
              if (e instanceof Officers.Conflict) {
                Requests.refuse(ctx, 409, e.getMessage());
              } else {
                Requests.refuse(ctx, 503, "store unavailable");
              }
            });
  }

  private void list(RoutingContext ctx) {
    Page page = Page.of(ctx);
    if (page == null) {
      return;
    }
    officers
        .all()
        .onSuccess(
            all -> {
              JsonObject answer = page.slice(ctx, all.stream().map(OfficersApi::json).toList());
              if (answer != null) {
                ctx.json(answer);
              }
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void get(RoutingContext ctx) {
    officers
        .find(ctx.pathParam("id"))
        .onSuccess(
            o -> {
              if (o == null) {
                Requests.refuse(ctx, 404, "no officer " + ctx.pathParam("id"));
              } else {
                ctx.json(json(o));
              }
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void delete(RoutingContext ctx) {
    officers
        .delete(ctx.pathParam("id"))
        .onSuccess(
            gone -> {
              if (gone) {
                ctx.response().setStatusCode(204).end();
              } else {
                Requests.refuse(ctx, 404, "no officer " + ctx.pathParam("id"));
              }
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  /** The officer a body describes; fields absent from a PATCH keep {@code old}'s values. */
  private Officer read(Body b, Officer old) {
    boolean creating = old == null;
    String name = b.has("name") || creating ? b.string("name", true, 120) : old.name();
    String display =
        b.has("displayName") || creating ? b.string("displayName", true, 120) : old.displayName();
    String role = b.has("role") || creating ? b.string("role", true, 32) : old.role();
    if (!Officer.ROLES.contains(role)) {
      throw new Body.Invalid("role: must be one of liaison, supervisor, complaint_intake");
    }
    String phone = b.has("phone") ? b.string("phone", false, 32) : creating ? null : old.phone();
    if (phone != null) {
      try {
        phone = Addresses.phone(phone, department.phoneRegion());
      } catch (IllegalArgumentException e) {
        throw new Body.Invalid("phone: not a phone number");
      }
    }
    String chat =
        b.has("telegramChatId")
            ? b.string("telegramChatId", false, 32)
            : creating ? null : old.telegramChatId();
    if (chat != null && !chat.matches("-?\\d{1,20}")) {
      throw new Body.Invalid("telegramChatId: must be a Telegram chat id (digits)");
    }
    if (phone == null && chat == null) {
      throw new Body.Invalid("phone: a phone or a telegramChatId is required");
    }
    List<String> hoods =
        b.has("neighbourhoods") || creating
            ? b.strings("neighbourhoods", 50)
            : old.neighbourhoods();
    for (String h : hoods) {
      if (department.neighbourhood(h) == null) {
        throw new Body.Invalid("neighbourhoods: unknown neighbourhood " + h);
      }
    }
    List<String> langs =
        b.has("languages") || creating ? b.strings("languages", 20) : old.languages();
    boolean active = b.bool("active", creating || old.active());
    return new Officer(
        creating ? null : old.id(), name, display, role, phone, chat, hoods, langs, active);
  }

  static JsonObject json(Officer o) {
    return new JsonObject()
        .put("id", o.id())
        .put("name", o.name())
        .put("displayName", o.displayName())
        .put("role", o.role())
        .put("phone", o.phone())
        .put("telegramChatId", o.telegramChatId())
        .put("neighbourhoods", new JsonArray(o.neighbourhoods()))
        .put("languages", new JsonArray(o.languages()))
        .put("active", o.active());
  }
}
