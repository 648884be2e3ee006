package org.beatline.nlu;

import org.slf4j.LoggerFactory;

/** Keeps OpenNLP's training chatter out of the service's output. */
final class Logging {
  private Logging() {}

  static void quietOpenNlp() {
    if (LoggerFactory.getLogger("opennlp") instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
