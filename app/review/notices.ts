// What /review says after a decision it could not take; the URL carries only the key.
export const REVIEW_NOTICES = {
  invalid: "invalid",
  notPending: "not-pending",
  bulk: "bulk-accepted",
  accepted: "accepted",
  rejected: "rejected",
  undone: "undone",
  notUndone: "not-undone",
  invalidFiling: "invalid-filing",
  filed: "filed",
  filedNew: "filed-new",
} as const;

export const REVIEW_NOTICE_TEXT: Record<string, string> = {
  [REVIEW_NOTICES.invalid]: "That was not a decision on a fact in the queue; nothing changed.",
  [REVIEW_NOTICES.notPending]: "That fact was already reviewed (or no longer exists); nothing changed.",
  [REVIEW_NOTICES.bulk]: "Accepted the pending facts at or above that confidence.",
  [REVIEW_NOTICES.accepted]: "Accepted.",
  [REVIEW_NOTICES.rejected]: "Rejected.",
  [REVIEW_NOTICES.undone]: "Undone: the fact waits for review again.",
  [REVIEW_NOTICES.notUndone]: "That decision can no longer be undone; nothing changed.",
  [REVIEW_NOTICES.invalidFiling]:
    "To file an article, choose at least one of its facts and an event (a new event needs a title of five characters or more, a type and a date); nothing changed.",
  [REVIEW_NOTICES.filed]: "Accepted under the event: the article is now one of its sources.",
  [REVIEW_NOTICES.filedNew]: "Recorded a new event from the article, with its facts accepted.",
};
