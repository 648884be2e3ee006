package org.beatline.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import java.util.Map;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.beatline.support.Texting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Doors that need a key: every admin route refuses a request without the token (401) or with a
 * wrong one (403), whatever the method; a Twilio signature made for one request does not open
 * another; a resident who types an officer's command is an ordinary resident.
 */
class AccessTest {
  static WireMockServer providers;
  static Running beatline;
  static Texting texting;

  @BeforeAll
  static void start() {
    providers = Providers.start();
    beatline = Running.live(providers);
    texting = new Texting(beatline, providers);
  }

  @AfterAll
  static void stop() {
    beatline.close();
    providers.stop();
  }

  @Test
  void everyAdminRouteNeedsCredentials() {
    var paths =
        beatline.app.routePaths().stream()
            .filter(p -> p.startsWith("/api/v1/") && !p.endsWith("/openapi.yaml"))
            .map(p -> p.replaceAll(":(\\w+)", "x1"))
            .distinct()
            .toList();
    assertThat(paths).hasSizeGreaterThan(10);
    for (String path : paths) {
      for (HttpMethod method :
          new HttpMethod[] {HttpMethod.GET, HttpMethod.POST, HttpMethod.PATCH, HttpMethod.DELETE}) {
        if (method == HttpMethod.POST && path.equals("/api/v1/session")) {
          continue; // signing in is how staff get credentials (StaffAccessTest)
        }
        var none = beatline.http.request(method, path).send().await();
        assertThat(none.statusCode()).as(method + " " + path).isEqualTo(401);
        var wrong =
            beatline
                .http
                .request(method, path)
                .putHeader("Authorization", "Bearer admin-token-for-tests-0124")
                .send()
                .await();
        assertThat(wrong.statusCode()).as(method + " " + path).isEqualTo(401);
        var basic =
            beatline
                .http
                .request(method, path)
                .putHeader("Authorization", "Basic YWRtaW46YWRtaW4=")
                .send()
                .await();
        assertThat(basic.statusCode()).as(method + " " + path).isEqualTo(401);
      }
    }
  }

  @Test
  void aSignatureMadeForOneRequestOpensNoOther() {
    Map<String, String> form = Providers.sms("SM" + "7".repeat(32), "+15558870001", "hello");
    String signature =
        Providers.twilioSignature("https://beatline.example.org/webhooks/twilio", form);
    MultiMap body = MultiMap.caseInsensitiveMultiMap();
    form.forEach(body::add);
    // Replayed on the status callback, or with the query string changed: refused.
    for (String path : new String[] {"/webhooks/twilio/status", "/webhooks/twilio?x=1"}) {
      var res =
          beatline
              .http
              .post(path)
              .putHeader("X-Twilio-Signature", signature)
              .sendForm(body)
              .await();
      assertThat(res.statusCode()).as(path).isEqualTo(403);
    }
    // Signed for another host (another deployment's webhook URL): refused.
    String elsewhere = Providers.twilioSignature("https://attacker.example/webhooks/twilio", form);
    var res =
        beatline
            .http
            .post("/webhooks/twilio")
            .putHeader("X-Twilio-Signature", elsewhere)
            .sendForm(body)
            .await();
    assertThat(res.statusCode()).isEqualTo(403);
    assertThat(texting.smsTo("+15558870001")).isEmpty();
  }

  @Test
  void aResidentTypingAnOfficerCommandIsAnsweredAsAResident() {
    String resident = "+15558870002";
    for (String command : new String[] {"LIST", "ACK 1", "R 1 your case is closed", "DONE 1 x"}) {
      assertThat(texting.sms(resident, command)).isEqualTo(200);
    }
    Running.eventually(() -> assertThat(texting.smsTo(resident)).hasSizeGreaterThanOrEqualTo(4));
    // No officer's words ("not one of your cases", the case list, relay headers) reach them.
    assertThat(texting.smsTo(resident))
        .noneMatch(t -> t.contains("not one of your cases"))
        .noneMatch(t -> t.startsWith("To close without follow-up"))
        .noneMatch(t -> t.contains("liaison:"))
        .noneMatch(t -> t.contains("open cases"))
        .noneMatch(t -> t.startsWith("Officer commands"));
  }
}
