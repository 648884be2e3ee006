package org.beatline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatline.support.Running.eventually;

import java.util.Map;
import org.beatline.redis.EmbeddedRedis;
import org.beatline.support.Running;
import org.junit.jupiter.api.Test;

class HealthTest {
  @Test
  void healthFollowsRedis() {
    try (EmbeddedRedis redis = EmbeddedRedis.start();
        Running beatline =
            Running.start(null, Map.of("REDIS_URL", redis.url()), Running::fastOutbox)) {
      assertThat(beatline.http.get("/health").send().await().statusCode()).isEqualTo(200);

      redis.stop();
      eventually(
          () ->
              assertThat(beatline.http.get("/health").send().await().statusCode()).isEqualTo(503));

      redis.restart();
      eventually(
          () ->
              assertThat(beatline.http.get("/health").send().await().statusCode()).isEqualTo(200));
      assertThat(beatline.simulate("sim-health", "hi").statusCode()).isEqualTo(200);
    }
  }
}
