package org.beatline.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.beatline.concern.Officers;
import org.beatline.concern.Routing;
import org.beatline.conversation.Department;
import org.beatline.conversation.Neighbourhood;
import org.beatline.http.Requests;
import org.beatline.staff.Role;

/**
 * {@code /api/v1/neighbourhoods}: the department's neighbourhoods, and who answers each one's
 * concerns ({@code PUT /api/v1/neighbourhoods/{id}/routing}).
 */
public final class NeighbourhoodsApi {
  private static final Set<String> FIELDS = Set.of("primary", "backup", "ackDeadlineHours");
  private final Routing routing;
  private final Officers officers;
  private final Department department;

  public NeighbourhoodsApi(Routing routing, Officers officers, Department department) {
    this.routing = routing;
    this.officers = officers;
    this.department = department;
  }

  public void routes(Router router) {
    router.get(AdminApi.BASE + "/neighbourhoods").handler(this::list);
    router
        .put(AdminApi.BASE + "/neighbourhoods/:id/routing")
        .handler(Access.only(Role.ADMIN))
        .handler(Requests.body())
        .handler(this::put);
  }

  /** The department's neighbourhoods, each with its names and who answers its concerns. */
  private void list(RoutingContext ctx) {
    Page page = Page.of(ctx);
    if (page == null) {
      return;
    }
    List<Neighbourhood> all = department.neighbourhoods();
    Future.all(all.stream().map(n -> routing.get(n.id())).toList())
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"))
        .onSuccess(
            rules -> {
              List<JsonObject> items = new ArrayList<>();
              for (int i = 0; i < all.size(); i++) {
                Routing.Rule rule = rules.resultAt(i);
                items.add(
                    new JsonObject()
                        .put("id", all.get(i).id())
                        .put("names", new JsonObject(new java.util.TreeMap<>(all.get(i).names())))
                        .put("routing", rule == null ? null : rule.toJson()));
              }
              JsonObject answer = page.slice(ctx, items);
              if (answer != null) {
                ctx.json(answer);
              }
            });
  }

  private void put(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (department.neighbourhood(id) == null) {
      Requests.refuse(ctx, 404, "no neighbourhood " + id);
      return;
    }
    Routing.Rule rule;
    try {
      Body b = Body.of(ctx, FIELDS);
      rule =
          new Routing.Rule(
              b.string("primary", true, 64),
              b.string("backup", false, 64),
              b.integer("ackDeadlineHours", 1, 24 * 30));
    } catch (Body.Invalid e) {
      Requests.refuse(ctx, 400, e.getMessage());
      return;
    }
    Future.all(officers.find(rule.primary()), officers.find(rule.backup()))
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"))
        .onSuccess(
            found -> {
              if (found.resultAt(0) == null) {
                Requests.refuse(ctx, 400, "primary: no officer " + rule.primary());
              } else if (rule.backup() != null && found.resultAt(1) == null) {
                Requests.refuse(ctx, 400, "backup: no officer " + rule.backup());
              } else {
                routing
                    .set(id, rule)
                    .onSuccess(v -> ctx.json(rule.toJson().put("neighbourhood", id)))
                    .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
              }
            });
  }
}
