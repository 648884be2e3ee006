package org.beatline.redis;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.beatline.support.Running.eventually;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.SlotHash;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contacts;
import org.beatline.support.LocalCluster;
import org.beatline.support.Profiles;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.beatline.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beatline against a real Redis Cluster of three masters, {@code REDIS_URL} naming one of them: a
 * resident's conversation, replies through the outbox to Twilio, a scheduled job, a meeting
 * broadcast, and its data spread over more than one master. Every script's keys share one slot,
 * which a single server checks too.
 */
class ClusterTest {
  @TempDir static Path conversations;
  static LocalCluster cluster;
  static WireMockServer providers;
  static Running beatline;

  @BeforeAll
  static void start() throws IOException {
    Profiles.withoutQuietHours(conversations);
    cluster = LocalCluster.start(3);
    providers = Providers.start();
    beatline =
        Running.start(
            providers,
            Map.of(
                "REDIS_URL",
                cluster.url(),
                "CONVERSATIONS_DIR",
                conversations.toString(),
                "SIMULATOR",
                "on"),
            Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    if (beatline != null) {
      beatline.close();
    }
    if (providers != null) {
      providers.stop();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aResidentIsAnsweredAndTheirRepliesReachTwilio() {
    assertThat(beatline.app.redis().clustered()).isTrue();
    String resident = Running.newResident();
    JsonObject first = beatline.say(resident, "hello");
    assertThat(first.getJsonArray("replies")).isNotEmpty();
    JsonObject second = beatline.say(resident, "how do I file a complaint?");
    assertThat(second.getJsonArray("replies")).isNotEmpty();

    String phone = newPhone();
    assertThat(sms(phone, "hello").statusCode()).isEqualTo(200);
    eventually(() -> assertThat(sendsTo(phone)).hasSize(1));
    assertThat(form(sendsTo(phone).get(0))).contains("Riverton Police Department");
    assertThat(sms(phone, "how long does a complaint take?").statusCode()).isEqualTo(200);
    eventually(() -> assertThat(sendsTo(phone)).hasSizeGreaterThanOrEqualTo(2));
  }

  @Test
  void aScheduledSurveyInvitationFiresAndIsSent() {
    String phone = newPhone();
    JsonObject invitation =
        new JsonObject()
            .put("channel", "twilio")
            .put("address", phone)
            .put("contactType", "crash")
            .put("district", "eastside")
            .put("sendAfter", "2020-01-01T00:00:00Z");
    HttpResponse<Buffer> res =
        admin(
            "POST",
            "/api/v1/surveys/after_contact/invitations",
            new JsonObject().put("invitations", new JsonArray().add(invitation)));
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
    assertThat(res.bodyAsJsonObject().getJsonArray("results").getJsonObject(0).getString("status"))
        .isEqualTo("scheduled");

    eventually(() -> assertThat(sendsTo(phone)).hasSize(1));
  }

  @Test
  void aMeetingBroadcastReachesItsSubscribers() {
    String english = subscriber("hello there");
    String spanish = subscriber("hola, buenas tardes");
    JsonObject meeting =
        new JsonObject()
            .put("kind", "meeting")
            .put("neighbourhood", "eastside")
            .put(
                "startsAt",
                Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString())
            .put("durationMinutes", 90)
            .put("place", "Eastside Library, 12 Oak Street")
            .put("title", new JsonObject().put("en", "Eastside community meeting"));
    HttpResponse<Buffer> created = admin("POST", "/api/v1/meetings", meeting);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String broadcast = created.bodyAsJsonObject().getString("broadcast");

    List<JsonObject> received = new ArrayList<>();
    eventually(
        () -> {
          received.addAll(announcements(english));
          received.addAll(announcements(spanish));
          assertThat(received).hasSize(2);
        });
    eventually(
        () ->
            assertThat(
                    admin("GET", "/api/v1/broadcasts/" + broadcast, null)
                        .bodyAsJsonObject()
                        .getLong("sent"))
                .isEqualTo(2));
  }

  @Test
  void theDataIsSpreadOverMoreThanOneMaster() {
    // Enough contacts that every master holds some of them.
    for (int i = 0; i < 6; i++) {
      beatline.say(Running.newResident(), "hello");
    }
    int holding = 0;
    for (int i = 0; i < cluster.size(); i++) {
      if (cluster.onNode(i, c -> c.sync().dbsize()) > 0) {
        holding++;
      }
    }
    assertThat(holding).isGreaterThan(1);
  }

  @Test
  void aScriptWhoseKeysSpanSlotsIsRefusedEvenOnOneServer() {
    assertThat(SlotHash.getSlot("outbox:{twilio}:reply"))
        .isEqualTo(SlotHash.getSlot("outbox:{twilio}:done:+15551234567"));
    Vertx vertx = Vertx.vertx();
    Redis single = Redis.connect(vertx, TestRedis.url());
    try {
      assertThat(single.clustered()).isFalse();
      String script = "return #KEYS";
      String[] apart = {"a:" + UUID.randomUUID(), "b:" + UUID.randomUUID()};
      assertThat(SlotHash.getSlot(apart[0])).isNotEqualTo(SlotHash.getSlot(apart[1]));
      assertThat(single.<Long>eval(script, ScriptOutputType.INTEGER, apart).failed()).isTrue();
      String[] together = {"a:{x}", "b:{x}"};
      assertThat(single.<Long>eval(script, ScriptOutputType.INTEGER, together).await())
          .isEqualTo(2);
    } finally {
      single.close();
      vertx.close().await();
    }
  }

  /** A web resident subscribed to eastside's meeting announcements. */
  static String subscriber(String firstWords) {
    String who = Running.newResident();
    beatline.say(who, firstWords);
    Contacts contacts = new Contacts(beatline.app.redis());
    var contact = contacts.find("web", who).await();
    new ConsentLedger(beatline.app.redis(), contacts)
        .topic(contact, "meetings.announcements|eastside", true, Instant.now())
        .await();
    return who;
  }

  /** The meeting announcements waiting in a simulator identity's mailbox (reading empties it). */
  static List<JsonObject> announcements(String who) {
    return admin("GET", "/api/simulator/messages?from=" + who, null)
        .bodyAsJsonObject()
        .getJsonArray("messages")
        .stream()
        .map(m -> (JsonObject) m)
        .filter(m -> String.valueOf(m.getString("key")).startsWith("meetings.announce"))
        .toList();
  }

  static HttpResponse<Buffer> admin(String method, String path, JsonObject body) {
    return beatline.admin(method, path, body);
  }

  static String newPhone() {
    return "+1555" + (1000000 + (int) (Math.random() * 8999999));
  }

  static HttpResponse<Buffer> sms(String from, String text) {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    Map<String, String> form = Providers.sms(sid, from, text);
    String url = "https://beatline.example.org/webhooks/twilio";
    MultiMap body = MultiMap.caseInsensitiveMultiMap();
    form.forEach(body::add);
    return beatline
        .http
        .post("/webhooks/twilio")
        .putHeader("X-Twilio-Signature", Providers.twilioSignature(url, form))
        .sendForm(body)
        .await();
  }

  static List<LoggedRequest> sendsTo(String phone) {
    return providers.findAll(
        postRequestedFor(urlPathEqualTo(Providers.MESSAGES))
            .withRequestBody(containing("To=" + phone.replace("+", "%2B"))));
  }

  /** The Body Beatline sent to Twilio, decoded. */
  static String form(LoggedRequest request) {
    for (String pair : request.getBodyAsString().split("&")) {
      if (pair.startsWith("Body=")) {
        return java.net.URLDecoder.decode(
            pair.substring(5), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return "";
  }
}
