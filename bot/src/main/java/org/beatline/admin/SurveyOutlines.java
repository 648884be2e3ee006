package org.beatline.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import org.beatline.conversation.SurveyOutline;
import org.beatline.i18n.Catalogue;

/**
 * {@code GET /api/v1/surveys}: the department's surveys, each with its questions worded as
 * residents read them (in the department's language, or {@code ?language=}), whether it is sent by
 * invitation, so that staff can read results question by question.
 */
public final class SurveyOutlines {
  private final List<SurveyOutline> surveys;
  private final Catalogue catalogue;

  public SurveyOutlines(List<SurveyOutline> surveys, Catalogue catalogue) {
    this.surveys = surveys;
    this.catalogue = catalogue;
  }

  public void routes(Router router) {
    router
        .get(AdminApi.BASE + "/surveys")
        .handler(
            ctx -> {
              String lang = ctx.queryParams().get("language");
              String language = catalogue.supports(lang) ? lang : catalogue.defaultLanguage();
              JsonArray items = new JsonArray();
              surveys.forEach(s -> items.add(json(s, language)));
              ctx.json(new JsonObject().put("items", items).putNull("next"));
            });
  }

  private JsonObject json(SurveyOutline s, String language) {
    JsonArray questions = new JsonArray();
    for (SurveyOutline.Question q : s.questions()) {
      JsonArray options = new JsonArray();
      q.options()
          .forEach(
              o ->
                  options.add(
                      new JsonObject()
                          .put("value", o.value())
                          .put("label", text(language, o.label()))));
      questions.add(
          new JsonObject()
              .put("id", q.id())
              .put("type", q.type())
              .put("text", text(language, q.ask()))
              .put("options", options));
    }
    return new JsonObject()
        .put("id", s.id())
        .put("title", text(language, s.title()))
        .put("invitations", catalogue.has("survey." + s.id() + ".invite"))
        .put("menu", s.menu())
        .put("questions", questions);
  }

  /** A key's wording; placeholders a survey fills in for a resident are left as written. */
  private String text(String language, String key) {
    if (key == null || !catalogue.has(key)) {
      return key;
    }
    try {
      return catalogue.render(language, key, Map.of());
    } catch (IllegalArgumentException e) {
      return key;
    }
  }
}
