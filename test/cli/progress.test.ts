import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/cli/progress.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { out: { isTTY, write: (text: string) => chunks.push(text) }, text: () => chunks.join('') };
}

describe('ProgressBar', () => {
  it('on a terminal, redraws in place at most every 100 ms, and always the last state', () => {
    const { out, text } = sink(true);
    let clock = 1000;
    const bar = new ProgressBar(out, 100, { now: () => clock, width: 10 });
    bar.update(1, 0); // drawn: first
    clock += 40;
    bar.update(2, 0); // skipped: too soon
    clock += 60;
    bar.update(42, 3); // drawn: 100 ms later
    bar.update(100, 3); // drawn: the end, however soon
    bar.finish();
    bar.update(100, 9); // ignored
    expect(text()).toBe(
      '\r[----------] 1/100\x1b[K' +
        '\r[####------] 42/100  3 errors\x1b[K' +
        '\r[##########] 100/100  3 errors\x1b[K\n', // finish() does not draw the same bar twice
    );
  });

  it('elsewhere, prints a plain line per 5%', () => {
    const { out, text } = sink(false);
    const bar = new ProgressBar(out, 200);
    for (let done = 1; done <= 200; done += 1) bar.update(done, done >= 150 ? 1 : 0);
    bar.finish();
    const lines = text().trimEnd().split('\n');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe('10/200');
    expect(lines.at(-1)).toBe('200/200  1 error');
    expect(text()).not.toContain('\r');
  });

  it('ends an interrupted run with where it stopped, printed once', () => {
    const { out, text } = sink(false);
    const bar = new ProgressBar(out, 100);
    bar.update(5, 0);
    bar.update(7, 0);
    bar.finish();
    expect(text()).toBe('5/100\n7/100\n');

    const { out: out2, text: text2 } = sink(false);
    const exact = new ProgressBar(out2, 100);
    exact.update(10, 0);
    exact.finish();
    expect(text2()).toBe('10/100\n');
  });
});
