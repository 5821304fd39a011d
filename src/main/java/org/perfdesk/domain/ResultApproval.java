package org.perfdesk.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The leading group's decision on the year's results (领导小组审定), as the office records it before
 * freezing: the plan has the office report the final results to 省机关效能建设领导小组 for 审定. It
 * holds for the results it was recorded against (the hash of their inputs); the freeze, the notice and
 * the feedback name it.
 *
 * @param approvedOn  the date of the meeting or document
 * @param reference   the meeting or the document number (第十四次会议, 闽效综〔2009〕3号)
 * @param approvedBy  who decided (the leading group, the meeting's chair)
 * @param inputsHash  the overall hash of the inputs of the results approved
 * @param resultsJson the totals and ranks approved, as {@code result_freeze.results} holds them
 */
public record ResultApproval(String id, int year, LocalDate approvedOn, String reference, String approvedBy,
                             String note, String inputsHash, String resultsJson, Instant recordedAt) {
}
