// What /review says after a decision it could not take; the URL carries only the key.
export const REVIEW_NOTICES = { invalid: "invalid", notPending: "not-pending", bulk: "accepted" } as const;

export const REVIEW_NOTICE_TEXT: Record<string, string> = {
  [REVIEW_NOTICES.invalid]: "That was not a decision on a fact in the queue; nothing changed.",
  [REVIEW_NOTICES.notPending]: "That fact was already reviewed (or no longer exists); nothing changed.",
  [REVIEW_NOTICES.bulk]: "Accepted the pending facts at or above that confidence.",
};
