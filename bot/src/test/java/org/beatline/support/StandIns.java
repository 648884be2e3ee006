package org.beatline.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/** Keeps the stand-ins' own log lines (WireMock and its Jetty) out of the test run's log file. */
public final class StandIns extends Filter<ILoggingEvent> {
  @Override
  public FilterReply decide(ILoggingEvent event) {
    String name = event.getLoggerName();
    return name.startsWith("com.github.tomakehurst")
            || name.startsWith("wiremock")
            || name.startsWith("org.eclipse.jetty")
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }
}
