package org.beatline.admin;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.beatline.http.Requests;
import org.beatline.schedule.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scheduled jobs as staff see them: those given up on, with their last error. */
public final class Jobs {
  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
  private final Scheduler scheduler;

  public Jobs(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Adds the routes; they sit behind the admin API's authentication. */
  public void routes(Router router) {
    router
        .get(AdminApi.BASE + "/jobs/parked")
        .handler(
            ctx -> {
              Page page = Page.of(ctx);
              if (page == null) {
                return;
              }
              scheduler
                  .parked()
                  .onSuccess(
                      jobs -> {
                        JsonObject answer = page.slice(ctx, jobs);
                        if (answer != null) {
                          ctx.json(answer);
                        }
                      })
                  .onFailure(
                      e -> {
                        LOG.warn("parked jobs could not be read: {}", e.toString());
                        Requests.refuse(ctx, 503, "parked jobs cannot be read right now");
                      });
            });
  }
}
