/** Requests remembered until they end; a page cannot make this grow without bound. */
const MAX_RUNNING = 5_000;

/**
 * Which visit each running request of a monitored tab was sent under, so a
 * request that a single-page app's route sent and that ends after the app
 * moved to its next route is filed under the route that sent it.
 */
export class RequestSenders {
  private readonly byRequest = new Map<string, { visitId: string; at: number }>();

  /** `at`: the request's start, as the browser timed it (`details.timeStamp`). */
  note(requestId: string, visitId: string, at: number): void {
    if (this.byRequest.size >= MAX_RUNNING) {
      // The oldest goes first: a request still running after 5,000 others is filed under the tab's visit now.
      const oldest = this.byRequest.keys().next().value;
      if (oldest !== undefined) this.byRequest.delete(oldest);
    }
    this.byRequest.set(requestId, { visitId, at });
  }

  sent(requestId: string): { visitId: string; at: number } | undefined {
    return this.byRequest.get(requestId);
  }

  forget(requestId: string): void {
    this.byRequest.delete(requestId);
  }
}
