package org.beatline.meeting;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Organizer;
import io.vertx.ext.web.Router;
import java.util.Date;

/**
 * {@code GET /meetings/<id>.ics}: a meeting as a calendar file residents can add to their phone,
 * organised by the department (its name and contact address, {@code ORGANIZER;CN=…:mailto:…}).
 */
public final class Calendar {
  private final Meetings meetings;
  private final String organiser;
  private final String email;

  /**
   * @param organiser the department's name
   * @param email the department's contact address; with none the file names no organiser, since RFC
   *     5545 makes an organiser a calendar address, not a name
   */
  public Calendar(Meetings meetings, String organiser, String email) {
    this.meetings = meetings;
    this.organiser = organiser;
    this.email = email == null || email.isBlank() ? null : email;
  }

  public void routes(Router router) {
    router
        .get("/meetings/:file")
        .handler(
            ctx -> {
              String file = ctx.pathParam("file");
              if (!file.matches("[A-Za-z0-9_-]{1,64}\\.ics")) {
                ctx.response().setStatusCode(404).end();
                return;
              }
              meetings
                  .find(file.substring(0, file.length() - 4))
                  .onSuccess(
                      m -> {
                        if (m == null) {
                          ctx.response().setStatusCode(404).end();
                        } else {
                          ctx.response()
                              .putHeader("Content-Type", "text/calendar; charset=utf-8")
                              .end(ics(m, ctx.queryParams().get("lang")));
                        }
                      })
                  .onFailure(e -> ctx.response().setStatusCode(503).end());
            });
  }

  String ics(Meeting m, String lang) {
    ICalendar cal = new ICalendar();
    VEvent event = new VEvent();
    event.setUid(m.id() + "@beatline");
    String title = m.titles().getOrDefault(lang == null ? "en" : lang, m.titles().get("en"));
    event.setSummary(title == null ? organiser : title);
    event.setLocation(m.place());
    event.setDateStart(Date.from(m.start()));
    event.setDateEnd(Date.from(m.end()));
    if (email != null) {
      event.setOrganizer(new Organizer(organiser, email));
    }
    cal.addEvent(event);
    return Biweekly.write(cal).go();
  }
}
