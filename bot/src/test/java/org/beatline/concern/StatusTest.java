package org.beatline.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatline.support.Running.eventually;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.beatline.support.Texting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * STATUS tells residents what became of everything they sent: a question the bot passed to a
 * person, and a concern with what the liaison officer last wrote back. Through the running service:
 * residents text by SMS or the simulator in their own words, the officer answers from Telegram.
 */
class StatusTest {
  static WireMockServer providers;
  static Running beatline;
  static Texting texting;
  static long officerChat;
  static String officer;

  @BeforeAll
  static void start() {
    providers = Providers.start();
    beatline = Running.start(providers, Map.of("SIMULATOR", "on"), Running::fastOutbox);
    texting = new Texting(beatline, providers);
    officerChat = 100_000_000L + (long) (Math.random() * 800_000_000L);
    officer = register(officerChat);
  }

  @AfterAll
  static void stop() {
    beatline.close();
    providers.stop();
  }

  @AfterEach
  void forgetRouting() {
    beatline.app.redis().call(c -> c.del("routing:eastside")).await();
  }

  @Test
  void englishSmsResidentHearsOfTheirQuestionAndTheOfficersReply() {
    route();
    String resident = "+1555" + (2000000 + (int) (Math.random() * 7999999));
    Sms sms = new Sms(resident);
    sms.send("hi");
    assertThat(sms.send("how are complaints against cops investigated"))
        .contains("Did that answer your question?");
    assertThat(sms.send("not really")).contains("pass your question to a person");
    assertThat(sms.send("yes pls")).contains("type your question");
    assertThat(sms.send("can i get a copy of the bodycam video from my traffic stop last week"))
        .contains("I passed it on");

    String ref = sms.report("there are cars racing on my street every night");
    answer(ref, "We will patrol Oak Street tonight.");
    eventually(
        () ->
            assertThat(sms.heard())
                .anySatisfy(t -> assertThat(t).contains("We will patrol Oak Street tonight.")));

    String status = sms.send("status");
    assertThat(status)
        .contains(ref + " (Eastside, ")
        .contains("the officer is looking into it")
        .contains("The officer wrote back on ")
        .contains("\"We will patrol Oak Street tonight.\"")
        .contains("Your question of ")
        .contains("(\"can i get a copy of the bodycam video from my...\")")
        .contains("was passed to staff");
    // The concern comes before the question.
    assertThat(status.indexOf(ref)).isLessThan(status.indexOf("Your question of"));
  }

  @Test
  void spanishResidentHearsTheStatusInSpanish() {
    route();
    String who = Running.newResident();
    beatline.say(who, "hola");
    handOver(
        who,
        "como investigan las quejas contra la policia",
        "no mucho la verdad",
        "si por favor",
        "puedo pedir el video de la camara del policia que me paro la semana pasada?");
    String ref =
        report(
            who,
            "necesito reportar un problema en mi barrio",
            Map.of(
                "concern.ask.what",
                "unos chavos rompen los vidrios de los carros en mi cuadra en la noche",
                "concern.ask.where",
                "en la esquina de main y 5th, 55106",
                "concern.ask.neighbourhood",
                "55106",
                "concern.ask.contact",
                "por mensaje aqui",
                "concern.confirm",
                "si mandalo"));
    answer(ref, "Vamos a patrullar su cuadra esta noche.");
    eventually(() -> assertThat(mailbox(who)).anyMatch(t -> t.contains("Vamos a patrullar")));

    JsonObject status = beatline.say(who, "estado");
    assertThat(keys(status))
        .containsExactly(
            "concern.status.item", "concern.status.replied", "concern.status.question");
    assertThat(text(status))
        .contains(ref, "el agente lo está revisando")
        .contains("El agente le respondió el ", "\"Vamos a patrullar su cuadra esta noche.\"")
        .contains("Su pregunta del ", "(\"puedo pedir el video de la camara del policia...\")")
        .contains("se pasó al personal");
  }

  @Test
  void arabicResidentHearsTheStatusInArabic() {
    route();
    String who = Running.newResident();
    beatline.say(who, "مرحبا");
    handOver(
        who,
        "كيف بيحققوا بالشكاوى ضد الشرطة",
        "لا مش كتير",
        "ايه",
        "بقدر اطلب فيديو كاميرا الشرطي اللي وقفني الاسبوع الماضي؟");
    String ref =
        report(
            who,
            "بدي بلغ عن مشكلة",
            Map.of(
                "concern.ask.what",
                "في ولاد بيكسروا قزاز السيارات بالليل بشارعنا",
                "concern.ask.where",
                "عند زاوية شارع مين والخامس 55106",
                "concern.ask.neighbourhood",
                "55106",
                "concern.ask.contact",
                "برسالة هون",
                "concern.confirm",
                "ارسله"));
    answer(ref, "We will patrol your street tonight.");
    eventually(() -> assertThat(mailbox(who)).anyMatch(t -> t.contains("patrol your street")));

    JsonObject status = beatline.say(who, "حالة");
    assertThat(keys(status))
        .containsExactly(
            "concern.status.item", "concern.status.replied", "concern.status.question");
    assertThat(text(status))
        .contains(ref, "الضابط يتابع الأمر")
        .contains("ردّ الضابط بتاريخ", "We will patrol your street tonight.")
        .contains("سؤالك بتاريخ", "بقدر اطلب فيديو كاميرا الشرطي اللي وقفني")
        .contains("أحلناه إلى فريقنا");
  }

  @Test
  void aResidentWithNothingHearsThereIsNothing() {
    String who = Running.newResident();
    beatline.say(who, "hi");
    JsonObject status = beatline.say(who, "STATUS");
    assertThat(keys(status)).containsExactly("concern.status.none");
    assertThat(text(status)).contains("I have no concerns from you yet");
  }

  /** Asks a question, says the answer did not help and has it passed to a person. */
  static void handOver(String who, String question, String notReally, String yes, String words) {
    assertThat(keys(beatline.say(who, question))).contains("accountability.helpful.ask");
    assertThat(keys(beatline.say(who, notReally))).containsExactly("accountability.handoff.ask");
    assertThat(keys(beatline.say(who, yes))).containsExactly("handoff.ask.question");
    assertThat(keys(beatline.say(who, words))).containsExactly("handoff.done");
  }

  /** Reports a concern, answering each question with the resident's words for it; its reference. */
  static String report(String who, String first, Map<String, String> answers) {
    JsonObject answer = beatline.say(who, first);
    for (int turn = 0; turn < 8; turn++) {
      List<String> keys = keys(answer);
      if (keys.contains("concern.created")) {
        return text(answer).replaceAll("(?s).*?(RIV-\\d+).*", "$1");
      }
      String asked = keys.get(keys.size() - 1);
      assertThat(answers).as("an answer to " + keys).containsKey(asked);
      answer = beatline.say(who, answers.get(asked));
    }
    throw new AssertionError("the concern journey never created a concern");
  }

  /** The officer acknowledges the case from Telegram and writes to the resident. */
  static void answer(String ref, String words) {
    eventually(
        () ->
            assertThat(texting.telegramTo(officerChat))
                .anySatisfy(t -> assertThat(t).contains(ref)));
    String number = ref.substring(ref.indexOf('-') + 1);
    texting.telegram(officerChat, "ACK " + number);
    eventually(() -> assertThat(state(ref)).isEqualTo("acknowledged"));
    texting.telegram(officerChat, "R " + number + " " + words);
  }

  static String state(String reference) {
    return beatline
        .http
        .get("/api/v1/concerns/" + reference)
        .putHeader("Authorization", Running.ADMIN)
        .send()
        .await()
        .bodyAsJsonObject()
        .getString("state");
  }

  static String register(long chat) {
    JsonObject o =
        new JsonObject()
            .put("name", "Dana " + UUID.randomUUID().toString().substring(0, 4))
            .put("displayName", "Officer Reyes")
            .put("role", "liaison")
            .put("neighbourhoods", new JsonArray().add("eastside"))
            .put("languages", new JsonArray().add("en"))
            .put("telegramChatId", Long.toString(chat));
    HttpResponse<Buffer> res =
        beatline
            .http
            .post("/api/v1/officers")
            .putHeader("Authorization", Running.ADMIN)
            .sendJsonObject(o)
            .await();
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
    return res.bodyAsJsonObject().getString("id");
  }

  static void route() {
    HttpResponse<Buffer> res =
        beatline
            .http
            .put("/api/v1/neighbourhoods/eastside/routing")
            .putHeader("Authorization", Running.ADMIN)
            .sendJsonObject(new JsonObject().put("primary", officer).put("ackDeadlineHours", 8))
            .await();
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
  }

  private static final Map<String, List<String>> MAILBOXES = new java.util.HashMap<>();

  /** Everything sent later to a simulator resident (the officer's words), kept as it is taken. */
  static List<String> mailbox(String who) {
    List<String> all = MAILBOXES.computeIfAbsent(who, k -> new ArrayList<>());
    beatline
        .http
        .get("/api/simulator/messages?from=" + who)
        .putHeader("Authorization", Running.ADMIN)
        .send()
        .await()
        .bodyAsJsonObject()
        .getJsonArray("messages")
        .forEach(m -> all.add(((JsonObject) m).getString("text")));
    return all;
  }

  static List<String> keys(JsonObject answer) {
    return answer.getJsonArray("replies").stream()
        .map(r -> ((JsonObject) r).getString("key"))
        .toList();
  }

  static String text(JsonObject answer) {
    return String.join(
        "\n",
        answer.getJsonArray("replies").stream()
            .map(r -> ((JsonObject) r).getString("text"))
            .toList());
  }

  /** A resident texting by SMS; each text's answer is what Twilio was asked to send next. */
  record Sms(String phone) {
    List<String> heard() {
      return texting.smsTo(phone);
    }

    String send(String text) {
      int before = heard().size();
      assertThat(texting.sms(phone, text)).isEqualTo(200);
      eventually(() -> assertThat(heard().size()).isGreaterThan(before));
      List<String> all = heard();
      return String.join("\n", all.subList(before, all.size()));
    }

    /** Reports a concern, answering each question as a resident would; its reference. */
    String report(String first) {
      String asked = send(first);
      for (int turn = 0; turn < 8; turn++) {
        if (asked.contains("your concern is logged as")) {
          return asked.replaceAll("(?s).*?(RIV-\\d+).*", "$1");
        }
        asked =
            send(
                asked.contains("Where is this")
                    ? "Oak Street by the library"
                    : asked.contains("Which neighbourhood")
                        ? "55106"
                        : asked.contains("Is that in")
                            ? "no"
                            : asked.contains("contact you") ? "text me" : "send it");
      }
      throw new AssertionError("the concern journey never created a concern");
    }
  }
}
