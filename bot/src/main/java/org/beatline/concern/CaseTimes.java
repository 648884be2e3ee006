package org.beatline.concern;

import java.time.Instant;

/**
 * When a case was reported, first answered and resolved, with what it is grouped by: what the
 * concern trends count, read without the resident's words or address.
 *
 * @param officer the id of the officer the case is with, or null
 * @param answered when an officer or staff member first acknowledged, replied or closed it, or null
 * @param resolved when it was resolved, or null (a case closed as no follow-up is never resolved)
 */
public record CaseTimes(
    String reference,
    String neighbourhood,
    String category,
    String officer,
    Instant created,
    Instant answered,
    Instant resolved) {

  /** Whether it is a complaint about an officer, which only complaint intake and admins see. */
  public boolean misconduct() {
    return Concern.MISCONDUCT.contains(category);
  }
}
