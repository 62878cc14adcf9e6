import type { AnalyzeProgress } from '../pipeline/analyze.js';

/** A document is shown stage by stage once it has taken this long (short ones would only flicker). */
const SHOW_DOCUMENT_AFTER_MS = 2000;
/** How often a progress line is printed when stderr is not a terminal (--progress into a log). */
const LOG_EVERY_MS = 5000;

/**
 * Progress and failures on stderr, so stdout stays clean for JSON. On a terminal the progress line is
 * rewritten in place; otherwise only failures and a closing summary are printed (logs stay readable), unless
 * `--progress` asks for progress lines there too (one every few seconds).
 */
export class Progress {
  ok = 0;
  failed = 0;
  private words = 0;
  private readonly t0 = performance.now();
  private readonly tty: boolean;
  private lastDraw = 0;
  private docStart = 0;

  constructor(
    private readonly err: NodeJS.WritableStream, private readonly quiet: boolean, private readonly verb: string,
    private readonly forced = false,
  ) {
    this.tty = Boolean((err as NodeJS.WriteStream).isTTY);
  }

  /** A document is about to be analysed. */
  begin(): void {
    this.docStart = performance.now();
  }

  /** Where the analysis of one (long) document is: `source`, the stage, and how far through its text. */
  stage(source: string, p: AnalyzeProgress): void {
    if (this.quiet || !(this.tty || this.forced)) return;
    const now = performance.now();
    if (now - this.docStart < SHOW_DOCUMENT_AFTER_MS) return;
    if (now - this.lastDraw < (this.tty ? 200 : LOG_EVERY_MS)) return;
    this.lastDraw = now;
    const line = `${this.verb} ${this.ok} (${this.failed} failed); ${source.slice(-50)}: ${(100 * p.fraction).toFixed(0)}% `
      + `(${p.stage}, ${((now - this.docStart) / 1000).toFixed(0)} s)`;
    this.err.write(this.tty ? `\r\x1b[K${line}` : `${line}\n`);
  }

  /**
   * Said on Ctrl-C, even with --quiet (the user asked to stop and must know where it stopped): how many
   * documents were finished, and which were not.
   */
  interrupted(unfinished: readonly string[], notStarted: readonly string[]): void {
    if (this.tty && !this.quiet) this.err.write('\r\x1b[K');
    const list = (xs: readonly string[]) => (xs.length > 10 ? `${xs.slice(0, 10).join(', ')} and ${xs.length - 10} more` : xs.join(', '));
    this.err.write(`claimline: interrupted: ${this.ok} document(s) ${this.verb}, ${this.failed} failed; `
      + `not finished: ${unfinished.length ? list(unfinished) : 'none'}; `
      + `inputs not started: ${notStarted.length ? list(notStarted) : 'none'}\n`);
  }

  done(source: string, text: string): void {
    this.ok++;
    this.words += countWords(text);
    if (this.quiet || !this.tty) return;
    const now = performance.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.err.write(`\r\x1b[K${this.verb} ${this.ok} (${this.failed} failed) … ${source.slice(-60)}`);
  }

  /** Failures are always reported, even with --quiet: the exit code alone would not say which input. */
  fail(source: string, reason: string): void {
    this.failed++;
    if (this.tty && !this.quiet) this.err.write('\r\x1b[K');
    this.err.write(`claimline: ${source}: ${reason}\n`);
  }

  skip(source: string, reason: string): void {
    if (this.quiet) return;
    if (this.tty) this.err.write('\r\x1b[K');
    this.err.write(`claimline: ${source}: ${reason}\n`);
  }

  finish(): void {
    if (this.quiet) return;
    if (this.tty) this.err.write('\r\x1b[K');
    const s = (performance.now() - this.t0) / 1000;
    this.err.write(`${this.verb} ${this.ok} document(s), ${this.failed} failed, ${this.words} words in ${s.toFixed(2)} s\n`);
  }
}

export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
