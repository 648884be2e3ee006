package org.beatline.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PfxOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.beatline.Beatline;
import org.beatline.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code REDIS_URL} with a password and with TLS ({@code rediss://}): the embedded server asks for
 * a random password, a wrong or missing one stops startup with a one-line reason that never shows
 * it, and a TLS connection carries the password to a server behind TLS.
 */
class RedisUrlTest {
  static EmbeddedRedis server;
  static Vertx vertx;

  @BeforeAll
  static void start() {
    server = EmbeddedRedis.start();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    server.close();
  }

  @Test
  void theEmbeddedServerAsksForItsRandomPassword() {
    assertThat(server.password()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(server.url())
        .isEqualTo("redis://:" + server.password() + "@127.0.0.1:" + server.port());
    try (EmbeddedRedis other = EmbeddedRedis.start()) {
      assertThat(other.password()).isNotEqualTo(server.password());
    }
    Redis redis = Redis.connect(vertx, server.url());
    assertThat(redis.ping().await()).isTrue();
    redis.close();
  }

  @Test
  void aMissingOrWrongPasswordFailsWithOneLineThatHidesIt() {
    String plain = "redis://127.0.0.1:" + server.port();
    assertThatThrownBy(() -> Redis.connect(vertx, plain))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NOAUTH");
    String wrong = "redis://:wrong-password-123@127.0.0.1:" + server.port();
    assertThatThrownBy(() -> Redis.connect(vertx, wrong))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot use Redis at redis://***@127.0.0.1:")
        .hasMessageContaining("WRONGPASS")
        .hasMessageNotContaining("wrong-password-123")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    // Through Beatline's startup the same line reaches the operator.
    Config config = Config.from(Map.of("PORT", "0", "REDIS_URL", wrong));
    assertThatThrownBy(() -> Beatline.start(config).await()).hasMessageContaining("WRONGPASS");
  }

  @Test
  void beatlineRunsAgainstAPasswordProtectedServer() {
    Config config = Config.from(Map.of("PORT", "0", "REDIS_URL", server.url()));
    Beatline app = Beatline.start(config).await();
    try {
      assertThat(app.redis().ping().await()).isTrue();
    } finally {
      app.close();
    }
  }

  @Test
  void aTlsUrlCarriesThePasswordToAServerBehindTls(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("redis.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "redis",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).isZero();

    // TLS in front of the plain server, as a managed Redis or stunnel puts it.
    NetClient plain = vertx.createNetClient();
    NetServer tls =
        vertx
            .createNetServer(
                new NetServerOptions()
                    .setSsl(true)
                    .setKeyCertOptions(
                        new PfxOptions().setPath(keystore.toString()).setPassword("changeit")))
            .connectHandler(
                in -> {
                  in.pause();
                  plain
                      .connect(server.port(), "127.0.0.1")
                      .onSuccess(
                          out -> {
                            in.pipeTo(out);
                            out.pipeTo(in);
                            in.resume();
                          })
                      .onFailure(e -> in.close());
                })
            .listen(0, "127.0.0.1")
            .await();
    try {
      // The test's certificate is self-signed: peer verification is off here only.
      String url =
          "rediss://:" + server.password() + "@127.0.0.1:" + tls.actualPort() + "?verifyPeer=NONE";
      Redis redis = Redis.connect(vertx, url);
      assertThat(redis.call(c -> c.set("tls-check", "ok")).await()).isEqualTo("OK");
      redis.close();
      // Verified as by default, the self-signed certificate is refused.
      String verified = "rediss://:" + server.password() + "@127.0.0.1:" + tls.actualPort();
      assertThatThrownBy(() -> Redis.connect(vertx, verified))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("cannot use Redis at rediss://***@");
    } finally {
      tls.close().await();
      plain.close().await();
    }
  }
}
