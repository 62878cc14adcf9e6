/**
 * Progress and failures on stderr, so stdout stays clean for JSON. On a terminal the progress line is
 * rewritten in place; otherwise only failures and a closing summary are printed (logs stay readable).
 */
export class Progress {
  ok = 0;
  failed = 0;
  private words = 0;
  private readonly t0 = performance.now();
  private readonly tty: boolean;
  private lastDraw = 0;

  constructor(private readonly err: NodeJS.WritableStream, private readonly quiet: boolean, private readonly verb: string) {
    this.tty = Boolean((err as NodeJS.WriteStream).isTTY);
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
