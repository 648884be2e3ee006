package org.beatline.concern;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beatline.config.Content;
import org.beatline.conversation.Conversations;
import org.beatline.i18n.Catalogue;
import org.beatline.i18n.Renderer;
import org.beatline.outbox.Outbox;
import org.beatline.redis.Redis;
import org.beatline.schedule.Scheduler;
import org.beatline.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A concern nobody acknowledges escalates to the backup, then to a supervisor, exactly once with
 * two instances on one Redis; time is a clock the test moves, never a sleep.
 */
class ConcernDeskTest {
  static final Catalogue CATALOGUE =
      Catalogue.load(Content.folder(null, "translations"), "en", "America/Chicago");
  static final Conversations CONVERSATIONS =
      Conversations.load(Content.folder(null, "conversations"), CATALOGUE);

  final List<Vertx> vertxes = new ArrayList<>();
  final List<Redis> connections = new ArrayList<>();
  final List<Scheduler> schedulers = new ArrayList<>();
  final List<ConcernDesk> desks = new ArrayList<>();
  Instant now = Instant.parse("2030-03-04T15:00:00Z"); // a Monday
  final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  String tag;
  Officer liaison;
  Officer backup;
  Officer supervisor;
  Officer intake;
  Redis redis;

  @BeforeEach
  void twoInstances() {
    tag = UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 2; i++) {
      Vertx vertx = Vertx.vertx();
      Redis r = Redis.connect(vertx, TestRedis.url());
      Scheduler s =
          new Scheduler(
              vertx, r, "jobs-" + tag, Duration.ofMinutes(1), Duration.ofSeconds(1), 3, clock);
      desks.add(
          new ConcernDesk(
              new Concerns(r, "T" + tag.toUpperCase()),
              new Officers(r),
              new Routing(r),
              new Renderer(CATALOGUE, Map.of("department", "Riverton Police Department")),
              CONVERSATIONS.department(),
              new Outbox(r, Map.of()),
              r,
              s,
              clock));
      vertxes.add(vertx);
      connections.add(r);
      schedulers.add(s);
    }
    redis = connections.get(0);
    Officers officers = new Officers(redis);
    // Routing picks among every registered officer: start from none.
    for (Officer o : officers.all().await()) {
      officers.delete(o.id()).await();
    }
    liaison = officers.create(officer("liaison", List.of("eastside"))).await();
    backup = officers.create(officer("liaison", List.of())).await();
    supervisor = officers.create(officer("supervisor", List.of())).await();
    intake = officers.create(officer("complaint_intake", List.of())).await();
    new Routing(redis).set("eastside", new Routing.Rule(liaison.id(), backup.id(), 4)).await();
  }

  Officer officer(String role, List<String> hoods) {
    String chat =
        Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
    return new Officer(
        "off-" + tag + "-" + chat,
        "Officer " + chat,
        "Officer " + chat,
        role,
        null,
        chat,
        hoods,
        List.of("en"),
        true);
  }

  @AfterEach
  void stop() {
    // Routing for eastside must not outlive the test.
    redis.call(c -> c.del("routing:eastside")).await();
    connections.forEach(Redis::close);
    vertxes.forEach(v -> v.close().await());
  }

  /** What was queued for an officer's Telegram chat, by message key. */
  List<String> keysTo(Officer o) {
    return redis
        .call(c -> c.xrange("outbox:{telegram}:reply", io.lettuce.core.Range.create("-", "+")))
        .await()
        .stream()
        .map(m -> new JsonObject(m.getBody().get("m")))
        .filter(m -> o.telegramChatId().equals(m.getString("address")))
        .map(m -> m.getString("key"))
        .toList();
  }

  Concern concern() {
    return concern("concern.report");
  }

  Concern concern(String category) {
    return new Concern(
        "T" + tag.toUpperCase() + "-" + category.length(),
        "twilio:+15550188001",
        "cars racing every night",
        "Oak Street",
        "eastside",
        "text",
        null,
        "es",
        category,
        Concern.NEW,
        null,
        now,
        now);
  }

  void runDueOnBothInstances() {
    Future.all(schedulers.get(0).runDue(), schedulers.get(1).runDue()).await();
  }

  @Test
  void anUnacknowledgedConcernEscalatesOnceToTheBackupThenToASupervisor() {
    Concern c = concern();
    desks.get(0).received(c).await();
    assertThat(keysTo(liaison)).containsExactly("officer.concern.new");

    now = now.plus(Duration.ofHours(3));
    runDueOnBothInstances();
    assertThat(keysTo(backup)).as("not yet: the deadline is four hours").isEmpty();

    now = now.plus(Duration.ofHours(2));
    runDueOnBothInstances();
    runDueOnBothInstances();
    assertThat(keysTo(backup)).containsExactly("officer.concern.escalated", "officer.concern.new");
    assertThat(new Concerns(redis, "T").find(c.reference()).await().officer())
        .isEqualTo(backup.id());

    now = now.plus(Duration.ofHours(5));
    runDueOnBothInstances();
    runDueOnBothInstances();
    assertThat(keysTo(supervisor))
        .containsExactly("officer.concern.escalated", "officer.concern.new");
    assertThat(keysTo(backup)).hasSize(2);
  }

  @Test
  void anAcknowledgedConcernDoesNotEscalate() {
    Concern c = concern();
    desks.get(0).received(c).await();
    desks
        .get(1)
        .work()
        .act(
            c.reference(),
            CaseWork.Action.ACK,
            "",
            new CaseWork.Actor(liaison, liaison.id(), "telegram"))
        .await();

    now = now.plus(Duration.ofHours(30));
    runDueOnBothInstances();
    assertThat(keysTo(backup)).isEmpty();
    assertThat(keysTo(supervisor)).isEmpty();
  }

  /** What was queued for the reporting resident, by message key. */
  List<String> keysToResident() {
    return redis
        .call(c -> c.xrange("outbox:{twilio}:reply", io.lettuce.core.Range.create("-", "+")))
        .await()
        .stream()
        .map(m -> new JsonObject(m.getBody().get("m")))
        .filter(m -> "+15550188001".equals(m.getString("address")))
        .map(m -> m.getString("key"))
        .toList();
  }

  @Test
  void aMisconductComplaintGoesToComplaintIntakeNotTheLiaison() {
    Concern c = concern("accountability.file_complaint");
    desks.get(0).received(c).await();

    assertThat(keysTo(intake)).containsExactly("officer.concern.new");
    assertThat(keysTo(liaison)).isEmpty();
    assertThat(new Concerns(redis, "T").find(c.reference()).await().officer())
        .isEqualTo(intake.id());
    // The resident is told who handles complaints, in their own language.
    assertThat(keysToResident()).contains("concern.routed.complaint");
    assertThat(textsToResident(c.reference()))
        .anySatisfy(t -> assertThat(t).contains("Oficina de Normas Profesionales"));
    assertThat(textsTo(intake))
        .anySatisfy(t -> assertThat(t).contains("complaint about an officer"));
  }

  @Test
  void theOfficerReadsWhatTheConcernIsAboutInTheirOwnLanguage() {
    Officers officers = new Officers(redis);
    Officer base = officer("liaison", List.of("eastside"));
    Officer spanish =
        officers
            .create(
                new Officer(
                    base.id(),
                    base.name(),
                    base.displayName(),
                    "liaison",
                    null,
                    base.telegramChatId(),
                    List.of("eastside"),
                    List.of("es"),
                    true))
            .await();
    desks.get(0).received(concern()).await();
    assertThat(textsTo(liaison))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("(Eastside, neighbourhood concern)"));

    new Routing(redis).set("eastside", new Routing.Rule(spanish.id(), backup.id(), 4)).await();
    desks.get(0).received(concern("concern.report.again")).await();
    // An id the catalogue has no label for is shown as stored rather than dropped.
    assertThat(textsTo(spanish))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("(Lado Este, concern.report.again)"));
    Concern mine =
        new Concern(
            "T" + tag.toUpperCase() + "-77",
            "twilio:+15550188001",
            "los carros corren toda la noche",
            "calle Oak",
            "eastside",
            "text",
            null,
            "es",
            "concern.report",
            Concern.NEW,
            null,
            now,
            now);
    desks.get(0).received(mine).await();
    assertThat(textsTo(spanish))
        .hasSize(2)
        .last()
        .satisfies(
            t ->
                assertThat(t)
                    .contains("(Lado Este, problema del vecindario)")
                    .doesNotContain("concern.report"));
  }

  /** The texts queued for an officer's Telegram chat. */
  List<String> textsTo(Officer o) {
    return redis
        .call(c -> c.xrange("outbox:{telegram}:reply", io.lettuce.core.Range.create("-", "+")))
        .await()
        .stream()
        .map(m -> new JsonObject(m.getBody().get("m")))
        .filter(m -> o.telegramChatId().equals(m.getString("address")))
        .map(m -> m.getString("text"))
        .toList();
  }

  /** The texts queued for the resident about the case {@code reference}. */
  List<String> textsToResident(String reference) {
    return redis
        .call(c -> c.xrange("outbox:{twilio}:reply", io.lettuce.core.Range.create("-", "+")))
        .await()
        .stream()
        .map(m -> new JsonObject(m.getBody().get("m")))
        .filter(m -> "+15550188001".equals(m.getString("address")))
        .map(m -> m.getString("text"))
        .filter(t -> t.contains(reference))
        .toList();
  }
}
