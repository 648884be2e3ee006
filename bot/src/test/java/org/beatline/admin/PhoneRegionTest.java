package org.beatline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.beatline.config.Content;
import org.beatline.conversation.Conversations;
import org.beatline.i18n.Catalogue;
import org.beatline.support.Profiles;
import org.beatline.support.Running;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phone numbers staff type without a country code are read in the department's region, which the
 * profile names ({@code phone_region}), US when it does not.
 */
class PhoneRegionTest {
  static final Catalogue CATALOGUE =
      Catalogue.load(Content.folder(null, "translations"), "en", "America/Chicago");

  @Test
  void aProfileInAnotherRegionReadsALocalNumberInThatRegion(@TempDir Path dir) throws Exception {
    Profiles.withPhoneRegion(dir, "GB");
    try (Running beatline =
        Running.start(null, Map.of("CONVERSATIONS_DIR", dir.toString()), Running::fastOutbox)) {
      HttpResponse<Buffer> res = register(beatline, "07700 900123");
      assertThat(res.statusCode()).isEqualTo(201);
      assertThat(res.bodyAsJsonObject().getString("phone")).isEqualTo("+447700900123");
      // Redis is shared with other tests: this officer must not be routed their concerns.
      beatline
          .http
          .delete("/api/v1/officers/" + res.bodyAsJsonObject().getString("id"))
          .putHeader("Authorization", Running.ADMIN)
          .send()
          .await();
    }
  }

  @Test
  void aProfileWithoutARegionReadsNumbersAsInTheUnitedStates(@TempDir Path dir) throws Exception {
    Profiles.withPhoneRegion(dir, "GB");
    Path profile = dir.resolve("department.yaml");
    Files.writeString(profile, Files.readString(profile).replace("phone_region: GB\n", ""));
    assertThat(Conversations.load(dir, CATALOGUE).department().phoneRegion()).isEqualTo("US");
    Path real = Content.folder(null, "conversations");
    assertThat(Conversations.load(real, CATALOGUE).department().phoneRegion()).isEqualTo("US");
  }

  static HttpResponse<Buffer> register(Running beatline, String phone) {
    JsonObject officer =
        new JsonObject()
            .put("name", "Sam Patel")
            .put("displayName", "Officer Patel")
            .put("role", "liaison")
            .put("neighbourhoods", new JsonArray())
            .put("languages", new JsonArray().add("en"))
            .put("phone", phone);
    return beatline
        .http
        .post("/api/v1/officers")
        .putHeader("Authorization", Running.ADMIN)
        .sendJsonObject(officer)
        .await();
  }
}
