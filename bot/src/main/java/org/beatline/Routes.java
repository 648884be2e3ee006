package org.beatline;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.beatline.admin.Access;
import org.beatline.admin.AdminApi;
import org.beatline.admin.ConcernStats;
import org.beatline.admin.ConcernsApi;
import org.beatline.admin.Dashboard;
import org.beatline.admin.Jobs;
import org.beatline.admin.MeetingsApi;
import org.beatline.admin.NeighbourhoodsApi;
import org.beatline.admin.OfficersApi;
import org.beatline.admin.Operations;
import org.beatline.admin.StaffApi;
import org.beatline.admin.SurveyOutlines;
import org.beatline.admin.SurveysApi;
import org.beatline.config.Config;
import org.beatline.config.Content;
import org.beatline.http.Requests;
import org.beatline.http.SecurityHeaders;
import org.beatline.i18n.StaffCatalogue;
import org.beatline.meeting.Calendar;
import org.beatline.redis.Redis;
import org.beatline.schedule.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every HTTP route, by its owner, and the refusals every route shares. */
final class Routes {
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

  private Routes() {}

  static Router router(
      Vertx vertx,
      Redis redis,
      PrometheusMeterRegistry registry,
      Config config,
      Knowledge content,
      Stores stores,
      Channels channels,
      Scheduler scheduler) {
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders());
    channels.all().forEach(c -> c.routes(router, channels.pipeline()));
    Object email = content.conversations().department().fact("email");
    new Calendar(
            stores.meetings, content.department().name(), email == null ? null : email.toString())
        .routes(router);
    new Operations(redis, registry, config.metricsToken()).routes(router);
    Access access =
        new Access(
            config.adminToken(), stores.accounts, stores.sessions, stores.tokens, stores.audit);
    new AdminApi(vertx, access, content.understanding(), stores.unrecognized, stores.ledger)
        .routes(router);
    new StaffApi(
            vertx,
            access,
            stores.accounts,
            stores.sessions,
            stores.tokens,
            stores.audit,
            stores.loginThrottle,
            stores.officers,
            config.publicBaseUrl().startsWith("https:"))
        .routes(router);
    new Jobs(scheduler).routes(router);
    var department = content.conversations().department();
    new OfficersApi(stores.officers, department).routes(router);
    new NeighbourhoodsApi(stores.routing, stores.officers, department).routes(router);
    new ConcernStats(stores.concerns, stores.officers, department.timeZone())
        .routes(router); // before /concerns/:reference
    new ConcernsApi(stores.concerns, stores.desk.work(), channels.outbox(), stores.officers)
        .routes(router);
    new MeetingsApi(stores.meetings, stores.outreach, stores.broadcasts, department).routes(router);
    Object minimum = department.fact("surveys.officer_minimum_responses");
    new SurveysApi(
            stores.invitations,
            stores.surveys,
            content.conversations().surveyIds(),
            department,
            content.renderer().catalogue(),
            minimum instanceof Integer n ? n : 10)
        .routes(router);
    new SurveyOutlines(content.conversations().surveyOutlines(), content.renderer().catalogue())
        .routes(router);
    new Dashboard(StaffCatalogue.load(staffTexts(config)), department).routes(router);
    router.errorHandler(
        413, ctx -> Requests.refuse(ctx, 413, "request body is larger than 64 KiB"));
    router.errorHandler(400, ctx -> Requests.refuse(ctx, 400, "bad request"));
    router.errorHandler(404, ctx -> Requests.refuse(ctx, 404, "not found"));
    router.errorHandler(405, ctx -> Requests.refuse(ctx, 405, "method not allowed"));
    router.errorHandler(
        500,
        ctx -> {
          LOG.error(
              "unhandled error on {} {}",
              ctx.request().method(),
              ctx.request().path(),
              ctx.failure());
          Requests.refuse(ctx, 500, "internal error");
        });
    return router;
  }

  /** The staff catalogue: the translations folder's, or the packaged one when it has none. */
  private static java.nio.file.Path staffTexts(Config config) {
    java.nio.file.Path dir =
        Content.folder(config.translationsDir(), "translations").resolve("staff");
    return java.nio.file.Files.isRegularFile(dir.resolve("en.yaml"))
        ? dir
        : Content.folder(null, "translations").resolve("staff");
  }
}
