// Domain errors: what went wrong, in words a user may read, and which kind of wrong it is. Code in
// lib/ throws these and knows nothing of HTTP; the edge (lib/http/errors.ts for routes, each
// action for its form state) turns the kind into a status code or a message.
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The request asks for something malformed or impossible (400). */
export class InvalidInput extends DomainError {}
/** What was asked for does not exist, or no longer in that state (404). */
export class NotFound extends DomainError {}
/** It exists already, or conflicts with what does (409). */
export class Conflict extends DomainError {}
/** Only an editor may do this (401). */
export class Unauthorized extends DomainError {}
