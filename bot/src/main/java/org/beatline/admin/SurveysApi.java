package org.beatline.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.beatline.contact.Addresses;
import org.beatline.conversation.Department;
import org.beatline.http.Requests;
import org.beatline.i18n.Catalogue;
import org.beatline.staff.Role;
import org.beatline.survey.Invitation;
import org.beatline.survey.Invitations;
import org.beatline.survey.SurveyAnswers;
import org.beatline.survey.SurveyResults;

/**
 * {@code /api/v1/surveys/{surveyId}}: post-contact survey invitations (JSON, or a CSV records
 * export with the same columns), each checked against the rules and answered in order, and the
 * results with response rates and breakdowns (CSV: one row per response, never an address).
 */
public final class SurveysApi {
  private static final Set<String> FIELDS =
      Set.of(
          "channel",
          "address",
          "language",
          "contactType",
          "district",
          "incidentRef",
          "officerId",
          "contactAt",
          "sendAfter");
  private static final int MAX = 10_000;
  private static final Duration AFTER_CONTACT = Duration.ofHours(6);
  private final Invitations invitations;
  private final SurveyAnswers answers;
  private final Set<String> surveys;
  private final Department department;
  private final Catalogue catalogue;
  private final int officerMinimum;

  public SurveysApi(
      Invitations invitations,
      SurveyAnswers answers,
      List<String> surveys,
      Department department,
      Catalogue catalogue,
      int officerMinimum) {
    this.invitations = invitations;
    this.answers = answers;
    this.surveys = Set.copyOf(surveys);
    this.department = department;
    this.catalogue = catalogue;
    this.officerMinimum = officerMinimum;
  }

  public void routes(Router router) {
    String base = AdminApi.BASE + "/surveys/:surveyId";
    router
        .post(base + "/invitations")
        .handler(Access.only(Role.ADMIN, Role.LIAISON))
        .handler(Requests.body())
        .handler(this::invite);
    router.get(base + "/results").handler(this::results);
  }

  private void invite(RoutingContext ctx) {
    String survey = ctx.pathParam("surveyId");
    if (!surveys.contains(survey)) {
      Requests.refuse(ctx, 404, "no survey " + survey);
      return;
    }
    if (!catalogue.has("survey." + survey + ".invite")) {
      Requests.refuse(ctx, 400, "survey " + survey + " is not sent by invitation");
      return;
    }
    List<Invitation> all;
    try {
      String type = ctx.request().getHeader("Content-Type");
      all =
          type != null && type.startsWith("text/csv")
              ? fromCsv(ctx.body().asString())
              : fromJson(ctx);
    } catch (Body.Invalid e) {
      Requests.refuse(ctx, 400, e.getMessage());
      return;
    }
    invitations
        .invite(survey, all)
        .onSuccess(
            results -> {
              JsonArray out = new JsonArray();
              results.forEach(
                  r -> {
                    JsonObject j = new JsonObject().put("status", r.status());
                    if (r.reason() != null) {
                      j.put("reason", r.reason());
                    }
                    out.add(j);
                  });
              ctx.json(new JsonObject().put("results", out));
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private List<Invitation> fromJson(RoutingContext ctx) {
    Body body = Body.of(ctx, Set.of("invitations"));
    JsonArray list = body.array("invitations");
    if (list == null || list.isEmpty() || list.size() > MAX) {
      throw new Body.Invalid("invitations: must be an array of 1 to " + MAX + " invitations");
    }
    List<Invitation> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.getValue(i) instanceof JsonObject o)) {
        throw new Body.Invalid("invitations[" + i + "]: must be an object");
      }
      Map<String, Object> fields = o.getMap();
      for (String f : fields.keySet()) {
        if (!FIELDS.contains(f)) {
          throw new Body.Invalid("invitations[" + i + "]." + f + ": unknown field");
        }
        if (fields.get(f) != null && !(fields.get(f) instanceof String)) {
          throw new Body.Invalid("invitations[" + i + "]." + f + ": must be a string");
        }
      }
      out.add(invitation(i, f -> (String) fields.get(f)));
    }
    return out;
  }

  private List<Invitation> fromCsv(String text) {
    List<Invitation> out = new ArrayList<>();
    try {
      var records =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setTrim(true)
              .get()
              .parse(new StringReader(text));
      for (String h : records.getHeaderNames()) {
        if (!FIELDS.contains(h)) {
          throw new Body.Invalid("column " + h + ": unknown");
        }
      }
      int i = 0;
      for (CSVRecord rec : records) {
        if (i >= MAX) {
          throw new Body.Invalid("at most " + MAX + " invitations per request");
        }
        int row = i++;
        out.add(invitation(row, f -> rec.isMapped(f) && !rec.get(f).isEmpty() ? rec.get(f) : null));
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      if (e instanceof Body.Invalid b) {
        throw b;
      }
      throw new Body.Invalid("body is not CSV with a header row");
    }
    if (out.isEmpty()) {
      throw new Body.Invalid("no invitations");
    }
    return out;
  }

  private Invitation invitation(int i, java.util.function.Function<String, String> get) {
    String at = "invitations[" + i + "].";
    String channel = required(get, at, "channel");
    String address = required(get, at, "address");
    switch (channel) {
      case "twilio" -> {
        try {
          address = Addresses.phone(address, department.phoneRegion());
        } catch (IllegalArgumentException e) {
          throw new Body.Invalid(at + "address: not a phone number");
        }
      }
      case "telegram" -> {
        if (!address.matches("\\d{1,20}")) {
          throw new Body.Invalid(at + "address: must be a Telegram chat id");
        }
      }
      case "web" -> {
        if (!address.matches("[A-Za-z0-9_-]{1,64}")) {
          throw new Body.Invalid(at + "address: must be a simulator identity");
        }
      }
      default -> throw new Body.Invalid(at + "channel: must be twilio, telegram or web");
    }
    String language = get.apply("language");
    if (language != null && !catalogue.supports(language)) {
      throw new Body.Invalid(at + "language: not a supported language");
    }
    String type = required(get, at, "contactType");
    if (!Invitation.CONTACT_TYPES.contains(type) && !Invitation.SENSITIVE.contains(type)) {
      throw new Body.Invalid(
          at + "contactType: must be one of " + new TreeSet<>(Invitation.CONTACT_TYPES));
    }
    String district = required(get, at, "district");
    if (department.neighbourhood(district) == null) {
      throw new Body.Invalid(at + "district: unknown neighbourhood " + district);
    }
    Instant contactAt = instant(get.apply("contactAt"), at + "contactAt");
    Instant sendAfter = instant(get.apply("sendAfter"), at + "sendAfter");
    if (sendAfter == null) {
      sendAfter =
          contactAt != null ? contactAt.plus(AFTER_CONTACT) : Instant.now().plus(AFTER_CONTACT);
    }
    return new Invitation(
        channel,
        address,
        language,
        type,
        district,
        get.apply("incidentRef"),
        get.apply("officerId"),
        sendAfter);
  }

  private static String required(
      java.util.function.Function<String, String> get, String at, String f) {
    String v = get.apply(f);
    if (v == null || v.isBlank()) {
      throw new Body.Invalid(at + f + ": required");
    }
    return v.strip();
  }

  private static Instant instant(String v, String field) {
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw new Body.Invalid(field + ": must be ISO-8601 with a zone or Z");
    }
  }

  private void results(RoutingContext ctx) {
    String survey = ctx.pathParam("surveyId");
    if (!surveys.contains(survey)) {
      Requests.refuse(ctx, 404, "no survey " + survey);
      return;
    }
    boolean csv = "csv".equals(ctx.queryParams().get("format"));
    answers
        .responsesOf(survey)
        .compose(list -> answers.ratesOf(survey).map(rates -> Map.entry(list, rates)))
        .onSuccess(
            e -> {
              if (csv) {
                ctx.response()
                    .putHeader("Content-Type", "text/csv; charset=utf-8")
                    .end(csv(e.getKey()));
              } else {
                ctx.json(SurveyResults.of(survey, e.getKey(), e.getValue(), officerMinimum));
              }
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  /** One row per response: when, in what language, what kind of contact, where, and the answers. */
  private static String csv(List<JsonObject> responses) {
    Set<String> questions = new TreeSet<>();
    responses.forEach(
        r -> questions.addAll(r.getJsonObject("answers", new JsonObject()).fieldNames()));
    List<String> header = new ArrayList<>(List.of("week", "language", "contactType", "district"));
    header.addAll(questions);
    StringWriter out = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(
            out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
      for (JsonObject r : responses) {
        List<Object> row = new ArrayList<>();
        row.add(r.getString("week"));
        row.add(r.getString("language"));
        row.add(r.getString("contactType"));
        row.add(r.getString("district"));
        JsonObject a = r.getJsonObject("answers", new JsonObject());
        questions.forEach(q -> row.add(a.getValue(q)));
        p.printRecord(row);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }
}
