/** A service's refusal of a request, with the HTTP status and error code the API answers with. */
export class Refused<Status extends 400 | 403 | 404 | 409 | 422 | 429> extends Error {
  constructor(
    readonly status: Status,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
