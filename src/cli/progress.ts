/**
 * A small progress indicator for long CLI runs, on stderr. On a terminal, one bar
 * redrawn in place (`[#####-----] 42/100  3 errors`, at most every 100 ms); elsewhere
 * (a log file, CI), a plain `42/100` line each time another 5% is done.
 */
import type { Output } from './commands/common.js';

export interface ProgressOptions {
  /** Milliseconds clock; injectable for tests. */
  now?: () => number;
  /** Least time between two redraws of the bar. */
  intervalMs?: number;
  /** Cells in the bar. */
  width?: number;
}

const PLAIN_STEPS = 20; // a line per 5%

export class ProgressBar {
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly width: number;
  private readonly tty: boolean;
  private done = 0;
  private errors = 0;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private lastStep = 0;
  private lastPrinted = 0;
  private lastDrawn = '';
  private finished = false;

  constructor(
    private readonly out: Output,
    private readonly total: number,
    options: ProgressOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now());
    this.intervalMs = options.intervalMs ?? 100;
    this.width = options.width ?? 30;
    this.tty = out.isTTY === true;
  }

  /** Records progress: `done` items processed so far, `errors` of them failed. */
  update(done: number, errors: number): void {
    if (this.finished) return;
    this.done = Math.min(done, this.total);
    this.errors = errors;
    if (this.tty) {
      const now = this.now();
      if (now - this.lastDraw >= this.intervalMs || this.done === this.total) {
        this.lastDraw = now;
        this.draw();
      }
      return;
    }
    const step = this.total === 0 ? PLAIN_STEPS : Math.floor((this.done * PLAIN_STEPS) / this.total);
    if (step > this.lastStep) {
      this.lastStep = step;
      this.print();
    }
  }

  /** Draws the final state and ends the bar's line; later updates are ignored. */
  finish(): void {
    if (this.finished) return;
    if (this.tty) {
      this.draw();
      this.out.write('\n');
    } else if (this.done !== this.lastPrinted) {
      this.print(); // stopped between two 5% steps
    }
    this.finished = true;
  }

  private counts(): string {
    const errors = this.errors === 0 ? '' : `  ${this.errors} ${this.errors === 1 ? 'error' : 'errors'}`;
    return `${this.done}/${this.total}${errors}`;
  }

  /** The bar as drawn on a terminal, without the carriage return. */
  render(): string {
    const filled = this.total === 0 ? this.width : Math.floor((this.done / this.total) * this.width);
    return `[${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}] ${this.counts()}`;
  }

  private print(): void {
    this.out.write(`${this.counts()}\n`);
    this.lastPrinted = this.done;
  }

  private draw(): void {
    const bar = this.render();
    if (bar === this.lastDrawn) return;
    this.lastDrawn = bar;
    // `\x1b[K` clears what a longer previous line left behind.
    this.out.write(`\r${bar}\x1b[K`);
  }
}
