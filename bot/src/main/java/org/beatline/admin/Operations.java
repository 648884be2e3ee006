package org.beatline.admin;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import org.beatline.http.Requests;
import org.beatline.redis.Redis;

/** {@code GET /health} (Redis reachable or not) and {@code GET /metrics} (Prometheus text). */
public final class Operations {
  private final Redis redis;
  private final PrometheusMeterRegistry registry;
  private final String metricsToken;

  /** {@code metricsToken} guards {@code /metrics} when set. */
  public Operations(Redis redis, PrometheusMeterRegistry registry, String metricsToken) {
    this.metricsToken = metricsToken;
    this.redis = redis;
    this.registry = registry;
  }

  public void routes(Router router) {
    router
        .route("/health")
        .method(io.vertx.core.http.HttpMethod.GET)
        .method(io.vertx.core.http.HttpMethod.HEAD)
        .handler(
            ctx ->
                redis
                    .ping()
                    .timeout(2, TimeUnit.SECONDS)
                    .otherwise(false)
                    .onComplete(
                        r -> {
                          boolean up = Boolean.TRUE.equals(r.result());
                          ctx.response()
                              .setStatusCode(up ? 200 : 503)
                              .putHeader("Content-Type", "application/json")
                              .putHeader("Cache-Control", "no-store")
                              .end(
                                  new JsonObject()
                                      .put("status", up ? "up" : "down")
                                      .put("redis", up ? "up" : "unreachable")
                                      .encode());
                        }));
    router
        .get("/metrics")
        .handler(
            ctx -> {
              if (metricsToken != null) {
                String given = ctx.request().getHeader("Authorization");
                boolean ok =
                    given != null
                        && given.startsWith("Bearer ")
                        && Requests.sameSecret(metricsToken, given.substring(7).strip());
                if (!ok) {
                  Requests.refuse(ctx, 401, "the metrics need the METRICS_TOKEN bearer token");
                  return;
                }
              }
              ctx.response()
                  .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                  .putHeader("Cache-Control", "no-store")
                  .end(registry.scrape());
            });
  }
}
