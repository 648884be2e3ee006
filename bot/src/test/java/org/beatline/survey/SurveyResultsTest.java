package org.beatline.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatline.support.Running.eventually;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.beatline.redis.EmbeddedRedis;
import org.beatline.support.Profiles;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The post-contact survey on a generated data set, on a Redis of its own: people of every contact
 * type and language are invited, some answer every question in their own words, some say no, some
 * stop halfway; the results count exactly what they answered, the rates follow the funnel, the
 * breakdowns add up to the responses, questions shared by the variants add up across them, and an
 * officer is shown only with enough responses.
 */
class SurveyResultsTest {
  @TempDir static Path conversations;
  static EmbeddedRedis redis;
  static Running beatline;

  /** Yes and no as residents of each language write them, and the scale as some write it. */
  static final Map<String, List<String>> YES =
      Map.of(
          "en", List.of("yeah he did", "yes", "yep"),
          "es", List.of("sí", "si", "claro"),
          "vi", List.of("có", "co", "dạ có"),
          "zh", List.of("是", "有", "是的"),
          "zh-Hant", List.of("係", "有", "係呀"),
          "ar", List.of("نعم", "ايوه"),
          "so", List.of("haa", "haa wuu sharaxay"),
          "my", List.of("ဟုတ်ကဲ့", "ဟုတ်တယ်"));

  static final Map<String, List<String>> NO =
      Map.of(
          "en", List.of("not really", "nope", "no he didnt"),
          "es", List.of("no", "la verdad no"),
          "vi", List.of("không", "khong", "ko"),
          "zh", List.of("没有", "否", "没解释"),
          "zh-Hant", List.of("冇", "唔係", "冇呀"),
          "ar", List.of("لا", "لأ"),
          "so", List.of("maya", "maya muu sharxin"),
          "my", List.of("မဟုတ်ဘူး", "မဟုတ်ပါဘူး"));

  static final Map<String, List<String>> SCALE =
      Map.of(
          "es",
          List.of("cinco", "cuatro", "tres", "dos", "uno"),
          "ar",
          List.of("٥", "٤", "٣", "٢", "١"));

  static final List<String> TYPES = List.of("crash", "citation", "crime_victim", "other");
  static final List<String> LANGUAGES =
      List.of("en", "es", "vi", "zh", "zh-Hant", "ar", "so", "my");
  static final List<String> DISTRICTS = List.of("eastside", "westside", "riverside", "northgate");

  @BeforeAll
  static void start() throws IOException {
    Profiles.withoutQuietHours(conversations);
    redis = EmbeddedRedis.start();
    beatline =
        Running.start(
            null,
            Map.of("CONVERSATIONS_DIR", conversations.toString(), "REDIS_URL", redis.url()),
            Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    beatline.close();
    redis.close();
  }

  /** One generated person: who they are, what they will do, and what they answered. */
  record Person(
      String address,
      String type,
      String language,
      String district,
      String officer,
      String behaviour,
      Map<String, String> answers) {}

  @Test
  void resultsAndRatesAddUpOnAGeneratedDataSet() {
    Random random = new Random(15);
    List<Person> people = new ArrayList<>();
    JsonArray invitations = new JsonArray();
    for (int i = 0; i < 40; i++) {
      int roll = random.nextInt(100);
      Person p =
          new Person(
              Running.newResident(),
              TYPES.get(i % TYPES.size()),
              LANGUAGES.get(random.nextInt(LANGUAGES.size())),
              DISTRICTS.get(random.nextInt(DISTRICTS.size())),
              i % 5 == 0 ? "officer-b" : "officer-a",
              roll < 70 ? "complete" : roll < 85 ? "decline" : "halfway",
              new LinkedHashMap<>());
      people.add(p);
      invitations.add(
          new JsonObject()
              .put("channel", "web")
              .put("address", p.address())
              .put("language", p.language())
              .put("contactType", p.type())
              .put("district", p.district())
              .put("officerId", p.officer())
              .put("incidentRef", "INC-" + i)
              .put("sendAfter", "2020-01-01T00:00:00Z"));
    }
    // Never invited: a sensitive contact; the same incident again.
    invitations.add(invitations.getJsonObject(0).copy().put("address", Running.newResident()));
    invitations.add(
        invitations
            .getJsonObject(1)
            .copy()
            .put("address", Running.newResident())
            .put("contactType", "domestic_violence")
            .put("incidentRef", "INC-DV"));

    JsonObject sent =
        beatline
            .http
            .post("/api/v1/surveys/after_contact/invitations")
            .putHeader("Authorization", Running.ADMIN)
            .sendJsonObject(new JsonObject().put("invitations", invitations))
            .await()
            .bodyAsJsonObject();
    List<String> statuses =
        sent.getJsonArray("results").stream()
            .map(r -> ((JsonObject) r).getString("reason", "scheduled"))
            .toList();
    assertThat(statuses.subList(0, 40)).containsOnly("scheduled");
    assertThat(statuses.subList(40, 42))
        .containsExactly("incident_already_surveyed", "sensitive_contact_type");

    for (Person p : people) {
      String[] received = new String[1];
      eventually(() -> assertThat(received[0] = invitationKey(p)).isNotNull());
      assertThat(received[0])
          .isEqualTo(
              p.type().equals("other")
                  ? "survey.after_contact.invite"
                  : "survey.after_contact." + p.type() + ".invite");
      answer(p, random);
    }

    JsonObject results =
        beatline
            .http
            .get("/api/v1/surveys/after_contact/results")
            .putHeader("Authorization", Running.ADMIN)
            .send()
            .await()
            .bodyAsJsonObject();

    List<Person> completed = people.stream().filter(p -> p.behaviour().equals("complete")).toList();
    long started = people.stream().filter(p -> !p.behaviour().equals("decline")).count();
    assertThat(completed).hasSizeGreaterThan(20);
    assertThat(results.getInteger("responses")).isEqualTo(completed.size());
    JsonObject rates = results.getJsonObject("rates");
    assertThat(
            List.of(
                rates.getLong("invited"),
                rates.getLong("sent"),
                rates.getLong("started"),
                rates.getLong("completed")))
        .containsExactly(40L, 40L, started, (long) completed.size());

    // Per question: exactly the answers given, however they were written.
    assertThat(results.getJsonObject("questions")).isEqualTo(expectedQuestions(completed));
    assertThat(results.getJsonObject("questions").getJsonObject("explained").getInteger("count"))
        .as("asked in every variant, counted together")
        .isEqualTo(completed.size());

    // Each breakdown adds up to the responses, group by group.
    JsonObject breakdowns = results.getJsonObject("breakdowns");
    Map<String, java.util.function.Function<Person, String>> fields =
        Map.of(
            "contactType", Person::type,
            "district", Person::district,
            "language", Person::language);
    fields.forEach(
        (field, of) -> {
          Map<String, List<Person>> groups = new TreeMap<>();
          completed.forEach(
              p -> groups.computeIfAbsent(of.apply(p), k -> new ArrayList<>()).add(p));
          JsonObject shown = breakdowns.getJsonObject(field);
          assertThat(shown.fieldNames()).as(field).isEqualTo(groups.keySet());
          groups.forEach(
              (value, group) -> {
                assertThat(shown.getJsonObject(value).getInteger("responses"))
                    .as(field + " " + value)
                    .isEqualTo(group.size());
                assertThat(shown.getJsonObject(value).getJsonObject("questions"))
                    .as(field + " " + value)
                    .isEqualTo(expectedQuestions(group));
              });
        });
    JsonObject weeks = breakdowns.getJsonObject("week");
    assertThat(
            weeks.fieldNames().stream()
                .mapToInt(w -> weeks.getJsonObject(w).getInteger("responses"))
                .sum())
        .isEqualTo(completed.size());

    // An officer is shown only with at least 10 responses.
    Map<String, Long> perOfficer = new TreeMap<>();
    completed.forEach(p -> perOfficer.merge(p.officer(), 1L, Long::sum));
    assertThat(perOfficer.get("officer-a")).isGreaterThanOrEqualTo(10);
    assertThat(perOfficer.get("officer-b")).isLessThan(10);
    JsonObject officers = results.getJsonObject("officers");
    assertThat(officers.fieldNames()).containsExactly("officer-a");
    assertThat(officers.getJsonObject("officer-a").getInteger("responses"))
        .isEqualTo(perOfficer.get("officer-a").intValue());

    // Nothing anyone typed that could reach them is stored with the answers.
    List<String> stored =
        beatline.app.redis().call(c -> c.lrange("survey:after_contact:responses", 0, -1)).await();
    assertThat(stored).hasSize(completed.size());
    people.forEach(p -> assertThat(stored).noneMatch(r -> r.contains(p.address())));
  }

  /** The key of the survey invitation a person received, or null while none has arrived. */
  static String invitationKey(Person p) {
    JsonArray box =
        beatline
            .http
            .get("/api/simulator/messages?from=" + p.address())
            .send()
            .await()
            .bodyAsJsonObject()
            .getJsonArray("messages");
    return box.stream()
        .map(m -> ((JsonObject) m).getString("key"))
        .filter(k -> k != null && k.startsWith("survey.after_contact"))
        .findFirst()
        .orElse(null);
  }

  /**
   * Answers as the person would: all of it, no thanks, or yes and one answer before going quiet.
   */
  static void answer(Person p, Random random) {
    if (p.behaviour().equals("decline")) {
      assertThat(keys(beatline.say(p.address(), pick(NO.get(p.language()), random))))
          .containsExactly("survey.declined");
      return;
    }
    List<String> asked = keys(beatline.say(p.address(), pick(YES.get(p.language()), random)));
    assertThat(asked).contains("survey.after_contact.intro");
    for (String question : questions(p.type())) {
      String value;
      String text;
      if (question.equals("courtesy") || question.equals("overall")) {
        int n = 1 + random.nextInt(5);
        value = Integer.toString(n);
        List<String> words = SCALE.get(p.language());
        text = words != null && random.nextBoolean() ? words.get(5 - n) : value;
      } else if (question.equals("exchanged_information")) {
        int n = 1 + random.nextInt(3);
        value = List.of("yes", "no", "no_other_driver").get(n - 1);
        text = Integer.toString(n);
      } else {
        value = random.nextBoolean() ? "yes" : "no";
        text = pick((value.equals("yes") ? YES : NO).get(p.language()), random);
      }
      List<String> replies = keys(beatline.say(p.address(), text));
      assertThat(replies)
          .as("%s (%s) answering %s with %s", p.type(), p.language(), question, text)
          .noneMatch(k -> k.startsWith("answer.reask"));
      p.answers().put(question, value);
      if (p.behaviour().equals("halfway")) {
        return;
      }
    }
  }

  static List<String> questions(String type) {
    return switch (type) {
      case "crash" -> List.of("courtesy", "exchanged_information", "explained", "overall");
      case "citation" -> List.of("courtesy", "stop_reason", "explained", "overall");
      case "crime_victim" -> List.of("courtesy", "victim_services", "explained", "overall");
      default -> List.of("courtesy", "explained", "overall");
    };
  }

  /** What the results should say per question for these people, worked out independently. */
  static JsonObject expectedQuestions(List<Person> group) {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    group.forEach(
        p ->
            p.answers()
                .forEach(
                    (q, v) ->
                        counts.computeIfAbsent(q, k -> new TreeMap<>()).merge(v, 1, Integer::sum)));
    JsonObject out = new JsonObject();
    counts.forEach(
        (q, values) -> {
          int n = values.values().stream().mapToInt(Integer::intValue).sum();
          JsonObject j =
              new JsonObject()
                  .put("count", n)
                  .put("answers", new JsonObject(new TreeMap<>(values)));
          if (q.equals("courtesy") || q.equals("overall")) {
            double sum = 0;
            for (var e : values.entrySet()) {
              sum += Integer.parseInt(e.getKey()) * e.getValue();
            }
            j.put("mean", Math.round(sum / n * 100) / 100.0);
          }
          out.put(q, j);
        });
    return out;
  }

  static List<String> keys(JsonObject said) {
    return said.getJsonArray("replies").stream()
        .map(r -> ((JsonObject) r).getString("key"))
        .toList();
  }

  static String pick(List<String> words, Random random) {
    return words.get(random.nextInt(words.size()));
  }
}
