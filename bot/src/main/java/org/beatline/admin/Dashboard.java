package org.beatline.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Map;
import org.beatline.conversation.Department;
import org.beatline.http.Requests;
import org.beatline.i18n.StaffCatalogue;

/**
 * {@code /dashboard}: the staff pages (HTML, JavaScript and CSS from the {@code dashboard/}
 * resources, no build step), which call {@code /api/v1} with the session cookie, and their text in
 * every staff language at {@code /dashboard/i18n/{lang}.json}. The pages are public; what they show
 * comes from the API, behind the staff member's session. They run under the service's
 * Content-Security-Policy, which forbids inline script and style.
 */
public final class Dashboard {
  private final StaffCatalogue staff;
  private final JsonObject department;

  public Dashboard(StaffCatalogue staff, Department department) {
    this.staff = staff;
    this.department =
        new JsonObject()
            .put("name", department.name())
            .put("defaultLanguage", department.defaultLanguage())
            .put("languages", new JsonArray(department.languages()))
            .put("timeZone", department.timeZone());
  }

  public void routes(Router router) {
    router
        .get("/dashboard")
        .handler(
            ctx -> {
              // Vert.x lets "/dashboard/" match this route too.
              if (ctx.request().path().equals("/dashboard")) {
                ctx.redirect("/dashboard/");
              } else {
                ctx.next();
              }
            });
    // What residents are told anyway: the department's name, languages and time zone.
    router.get("/dashboard/department.json").handler(ctx -> ctx.json(department));
    router.get("/dashboard/i18n/languages.json").handler(ctx -> ctx.json(languages()));
    router
        .get("/dashboard/i18n/:file")
        .handler(
            ctx -> {
              String file = ctx.pathParam("file");
              Map<String, String> text =
                  file.endsWith(".json")
                      ? staff.complete(file.substring(0, file.length() - ".json".length()))
                      : null;
              if (text == null) {
                Requests.refuse(ctx, 404, "no staff catalogue " + file);
                return;
              }
              ctx.response().putHeader("Cache-Control", "no-cache");
              ctx.json(new JsonObject(new java.util.LinkedHashMap<>(text)));
            });
    router
        .get("/dashboard/*")
        .handler(
            StaticHandler.create("dashboard")
                .setIndexPage("index.html")
                .setCachingEnabled(false)
                .setDefaultContentEncoding("UTF-8"));
  }

  /** The staff languages, each named in itself, for the language menu. */
  private JsonArray languages() {
    JsonArray out = new JsonArray();
    for (String lang : staff.languages()) {
      out.add(
          new JsonObject()
              .put("code", lang)
              .put("name", staff.entries(lang).getOrDefault("meta.name", lang))
              .put("dir", staff.entries(lang).getOrDefault("meta.dir", "ltr")));
    }
    return out;
  }
}
