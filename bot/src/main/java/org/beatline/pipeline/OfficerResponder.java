package org.beatline.pipeline;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beatline.concern.CaseWork;
import org.beatline.concern.Concern;
import org.beatline.concern.Officer;
import org.beatline.concern.Officers;
import org.beatline.i18n.Catalogue;
import org.beatline.message.Outbound;

/**
 * Officer commands, read only from the address of a registered, active officer: ACK, R, NOTE, DONE,
 * NOFU, LIST and HELP. Anyone else who types one is an ordinary resident. STOP and START are left
 * to the consent responder, so an officer can always stop messages like anyone.
 */
final class OfficerResponder implements Responder {
  private static final Pattern COMMAND =
      Pattern.compile("(?is)^\\s*(ACK|R|NOTE|DONE|NOFU|LIST|HELP)\\b[\\s:.,-]*(\\S+)?\\s*(.*)$");
  private static final Pattern REFERENCE = Pattern.compile("(?i)([A-Z]{1,8}-)?\\d{1,12}");
  private final Officers officers;
  private final CaseWork work;
  private final ConsentWords consent;
  private final Say say;

  OfficerResponder(Officers officers, CaseWork work, Catalogue catalogue, Say say) {
    this.officers = officers;
    this.work = work;
    this.consent = new ConsentWords(catalogue);
    this.say = say;
  }

  @Override
  public Future<Response> respond(Incoming in) {
    var m = in.message();
    ConsentWords.Match word = consent.match(m.text());
    if (word != null && word.kind() != ConsentWords.Kind.HELP) {
      return Future.succeededFuture();
    }
    return officers
        .byMessageFrom(m.channel(), m.address())
        .compose(o -> o == null ? Future.succeededFuture() : command(o, in));
  }

  private Future<Response> command(Officer officer, Incoming in) {
    String lang = officer.language(in.contact().language());
    Matcher c = COMMAND.matcher(in.message().text());
    if (!c.matches()) {
      return answer(in, officer, lang, "officer.help", Map.of(), List.of());
    }
    String verb = c.group(1).toUpperCase(Locale.ROOT);
    String ref = c.group(2);
    String text = c.group(3).strip();
    if (verb.equals("HELP")) {
      return answer(in, officer, lang, "officer.help", Map.of(), List.of());
    }
    if (verb.equals("LIST")) {
      return list(in, officer, lang);
    }
    CaseWork.Action action =
        switch (verb) {
          case "ACK" -> CaseWork.Action.ACK;
          case "R" -> CaseWork.Action.REPLY;
          case "NOTE" -> CaseWork.Action.NOTE;
          case "DONE" -> CaseWork.Action.RESOLVE;
          default -> CaseWork.Action.NO_FOLLOW_UP;
        };
    boolean needsText = action != CaseWork.Action.ACK;
    if (ref == null || !REFERENCE.matcher(ref).matches() || needsText && text.isEmpty()) {
      return answer(in, officer, lang, usage(action), Map.of(), List.of());
    }
    CaseWork.Actor actor = new CaseWork.Actor(officer, officer.id(), in.message().channel());
    return work.act(ref, action, text, actor)
        .compose(
            r -> {
              String reference =
                  r.concern() == null ? work.normalise(ref) : r.concern().reference();
              String key = r.refusal() != null ? r.refusal() : done(action);
              return answer(in, officer, lang, key, Map.of("reference", reference), r.messages());
            });
  }

  private Future<Response> list(Incoming in, Officer officer, String lang) {
    return work.openCasesOf(officer)
        .compose(
            cases -> {
              if (cases.isEmpty()) {
                return answer(in, officer, lang, "officer.list.none", Map.of(), List.of());
              }
              List<String> items = new ArrayList<>();
              for (Concern c : cases.subList(0, Math.min(10, cases.size()))) {
                items.add(
                    say.text(
                        lang,
                        "officer.list.item",
                        Map.of(
                            "reference", c.reference(),
                            "state", c.state(),
                            "neighbourhood", c.neighbourhood() == null ? "-" : c.neighbourhood())));
              }
              return answer(
                  in,
                  officer,
                  lang,
                  "officer.list",
                  Map.of("cases", String.join("; ", items)),
                  List.of());
            });
  }

  private Future<Response> answer(
      Incoming in,
      Officer officer,
      String lang,
      String key,
      Map<String, ?> args,
      List<Outbound> others) {
    List<Outbound> out = new ArrayList<>();
    out.add(say.to(in.contact(), lang, key, args, Outbound.Lane.REPLY));
    out.addAll(others);
    return Future.succeededFuture(new Response(in.contact(), out, "officer", null));
  }

  private static String usage(CaseWork.Action action) {
    return switch (action) {
      case ACK -> "officer.usage.ack";
      case REPLY -> "officer.usage.reply";
      case NOTE -> "officer.usage.note";
      case RESOLVE -> "officer.usage.resolve";
      default -> "officer.usage.no_follow_up";
    };
  }

  private static String done(CaseWork.Action action) {
    return switch (action) {
      case ACK -> "officer.ack.done";
      case REPLY -> "officer.reply.sent";
      case NOTE -> "officer.note.saved";
      case RESOLVE -> "officer.resolve.done";
      default -> "officer.nofu.done";
    };
  }
}
