/**
 * The audit's progress on stderr, so stdout keeps only the summary a pipeline
 * may capture. On a terminal one line is redrawn in place; in CI, or when
 * stderr is a file or pipe, every step is a plain line a log viewer shows as
 * it comes. Hand-written rather than a progress-bar library: the line has to
 * give way to the audit's own messages (a page that failed), which those
 * libraries' redraw loops do not.
 */

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface AuditProgress {
  /** `total` pages are known, or with a crawl the budget; `crawling` says which. */
  start(total: number, crawling: boolean): void;
  visiting(url: string): void;
  visited(url: string, outcome: { ms: number; error?: string }): void;
  /** A message that must stay on screen (a warning); the progress line is redrawn under it. */
  message(line: string): void;
  /** Leaves the terminal on a fresh line before the summary. */
  end(): void;
}

export interface ProgressState {
  done: number;
  total: number;
  crawling: boolean;
  current: readonly string[];
}

/** The updating line: "Auditing 3/10 · https://…", cut to the terminal's width. */
export function progressLine(state: ProgressState, columns: number): string {
  const count = state.crawling ? `${state.done}/≤${state.total}` : `${state.done}/${state.total}`;
  const current = state.current.length > 0 ? ` · ${state.current.join(' · ')}` : '';
  const line = `Auditing ${count} pages${current}`;
  const width = Math.max(20, columns - 1);
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}

export function createAuditProgress(stream: ProgressStream, env: NodeJS.ProcessEnv): AuditProgress {
  return stream.isTTY && !env.CI ? new TerminalProgress(stream) : new PlainProgress(stream);
}

abstract class ProgressBase implements AuditProgress {
  protected readonly state = { done: 0, total: 0, crawling: false, current: [] as string[] };

  constructor(protected readonly stream: ProgressStream) {}

  /** Once per browser: `--repeat` visits the pages again in a fresh one, counted from 0. */
  start(total: number, crawling: boolean): void {
    this.state.total = total;
    this.state.crawling = crawling;
    this.state.done = 0;
  }

  visiting(url: string): void {
    this.state.current.push(url);
  }

  visited(url: string, _outcome: { ms: number; error?: string }): void {
    const at = this.state.current.indexOf(url);
    if (at >= 0) this.state.current.splice(at, 1);
    this.state.done++;
  }

  abstract message(line: string): void;
  abstract end(): void;
}

class PlainProgress extends ProgressBase {
  override visiting(url: string): void {
    super.visiting(url);
    this.stream.write(`Visiting ${url}\n`);
  }

  override visited(url: string, outcome: { ms: number; error?: string }): void {
    super.visited(url, outcome);
    const result = outcome.error === undefined ? `in ${seconds(outcome.ms)}` : `failed: ${outcome.error}`;
    this.stream.write(`[${this.state.done}/${this.countTotal()}] ${url} ${result}\n`);
  }

  message(line: string): void {
    this.stream.write(`${line}\n`);
  }

  end(): void {}

  private countTotal(): string {
    return this.state.crawling ? `≤${this.state.total}` : String(this.state.total);
  }
}

const CLEAR_LINE = '\r\u001b[2K';

class TerminalProgress extends ProgressBase {
  override start(total: number, crawling: boolean): void {
    super.start(total, crawling);
    this.draw();
  }

  override visiting(url: string): void {
    super.visiting(url);
    this.draw();
  }

  override visited(url: string, outcome: { ms: number; error?: string }): void {
    super.visited(url, outcome);
    if (outcome.error !== undefined) this.message(`Could not load ${url}: ${outcome.error}`);
    else this.draw();
  }

  message(line: string): void {
    this.stream.write(`${CLEAR_LINE}${line}\n`);
    this.draw();
  }

  end(): void {
    this.stream.write(`${CLEAR_LINE}${progressLine(this.state, this.stream.columns || 80)}\n`);
  }

  private draw(): void {
    this.stream.write(`${CLEAR_LINE}${progressLine(this.state, this.stream.columns || 80)}`);
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
