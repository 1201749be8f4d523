import type { CrawlFrontier } from './crawl-frontier';

/** A page handed to one of the audit's tabs: its place in the audit's order, and its URL. */
export interface Visit {
  index: number;
  url: string;
}

export type NextVisit = Visit | 'wait' | 'done';

/**
 * Hands pages to several tabs at once while keeping the crawl exactly as one
 * tab would make it. The links a page found join the frontier in the order the
 * pages were handed out, never in the order they happened to finish: the queue
 * then grows by the same sequence as with one tab, so the same pages are
 * visited with the same indexes whatever the concurrency. A tab that finds the
 * queue empty while earlier pages may still add links waits (`'wait'`).
 */
export class VisitScheduler {
  private handedOut = 0;
  private committed = 0;
  private readonly finished = new Map<number, readonly string[]>();
  private waiters: (() => void)[] = [];

  constructor(private readonly frontier: CrawlFrontier) {}

  next(): NextVisit {
    const url = this.frontier.next();
    if (url !== undefined) return { index: this.handedOut++, url };
    return this.committed < this.handedOut ? 'wait' : 'done';
  }

  /** A visit ended; `links` are the ones it found (none when it failed or the audit does not crawl). */
  finish(index: number, links: readonly string[]): void {
    if (index < this.committed || index >= this.handedOut || this.finished.has(index)) {
      throw new Error(`Visit ${index} was not handed out or already finished.`);
    }
    this.finished.set(index, links);
    for (let found = this.finished.get(this.committed); found !== undefined; ) {
      this.frontier.addLinks(found);
      this.finished.delete(this.committed);
      this.committed++;
      found = this.finished.get(this.committed);
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves at the next finish(): after 'wait', ask next() again then. */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
