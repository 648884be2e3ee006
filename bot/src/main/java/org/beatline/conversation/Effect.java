package org.beatline.conversation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something the edges must carry out for the engine, which does no I/O itself. Each record's
 * Javadoc says what the edges do with it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Effect.SetLanguage.class, name = "set_language"),
  @JsonSubTypes.Type(value = Effect.SetNeighbourhood.class, name = "set_neighbourhood"),
  @JsonSubTypes.Type(value = Effect.Subscribe.class, name = "subscribe"),
  @JsonSubTypes.Type(value = Effect.Unsubscribe.class, name = "unsubscribe"),
  @JsonSubTypes.Type(value = Effect.CreateConcern.class, name = "create_concern"),
  @JsonSubTypes.Type(value = Effect.RecordAnswer.class, name = "record_answer"),
  @JsonSubTypes.Type(value = Effect.CompleteSurvey.class, name = "complete_survey"),
  @JsonSubTypes.Type(value = Effect.DeclineSurvey.class, name = "decline_survey"),
  @JsonSubTypes.Type(value = Effect.Enroll.class, name = "enroll"),
  @JsonSubTypes.Type(value = Effect.AnswerFeedback.class, name = "answer_feedback"),
  @JsonSubTypes.Type(value = Effect.Handoff.class, name = "handoff"),
  @JsonSubTypes.Type(value = Effect.Problem.class, name = "problem"),
})
public sealed interface Effect {

  /** Store the contact's language; later turns bring it back in {@link Facts#language()}. */
  record SetLanguage(String language) implements Effect {}

  /** Store the contact's neighbourhood id. */
  record SetNeighbourhood(String neighbourhood) implements Effect {}

  /**
   * Record consent to a topic ({@code meetings.announcements}, {@code meetings.reminders}) for a
   * neighbourhood in the consent ledger, and start sending it.
   */
  record Subscribe(String topic, String neighbourhood) implements Effect {}

  /** Record withdrawal of consent to a topic for a neighbourhood, and stop sending it. */
  record Unsubscribe(String topic, String neighbourhood) implements Effect {}

  /**
   * Store a new concern under {@code reference} (the one from {@link Facts#newReference()}) and
   * route it to the neighbourhood's liaison officer.
   *
   * @param where the place as the resident wrote it
   * @param neighbourhood the neighbourhood id, or null when unknown
   * @param contactPreference {@code text}, {@code phone}, {@code email} or {@code anonymous}
   * @param contactDetail the phone number or email given, or null
   * @param category the intent that started the report ({@code concern.report}, {@code
   *     officer.contact})
   */
  record CreateConcern(
      String reference,
      String what,
      String where,
      String neighbourhood,
      String contactPreference,
      String contactDetail,
      String language,
      String category)
      implements Effect {

    /** Whether the resident asked not to be contacted. */
    public boolean anonymous() {
      return "anonymous".equals(contactPreference);
    }
  }

  /** Store one survey answer; answers must not stay linkable to the contact once complete. */
  record RecordAnswer(String surveyId, String questionId, String value) implements Effect {}

  /** Close the survey for the contact (and its invitation) and unlink its answers. */
  record CompleteSurvey(String surveyId) implements Effect {}

  /** Close a survey invitation the resident declined. */
  record DeclineSurvey(String surveyId) implements Effect {}

  /**
   * Sign the contact up for a programme ({@code academy}, {@code volunteer}) and tell its
   * coordinator.
   */
  record Enroll(String program, String name, String neighbourhood, String interest)
      implements Effect {}

  /** Count whether an answer to {@code intent} helped, to improve the answers. */
  record AnswerFeedback(String intent, boolean helpful) implements Effect {}

  /**
   * Pass a question the bot could not answer to a person (the liaison inbox), who replies through
   * the line.
   */
  record Handoff(String intent, String question, String neighbourhood, String language)
      implements Effect {}

  /** A flow went wrong (a loop, a bad reference); log it with its flow and step. */
  record Problem(String flow, String step, String reason) implements Effect {}
}
