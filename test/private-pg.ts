/**
 * A PostgreSQL server of the test's own, for fault tests that stop and start the server: doing that to the shared
 * server on 127.0.0.1:5432 would break every other test running against it. Uses the installed server binaries
 * (Debian: /usr/lib/postgresql/<version>/bin, or $CLAIMLINE_TEST_PG_BIN): initdb into a temporary directory, a free
 * port on 127.0.0.1, trust authentication, fsync off (the test needs restarts, not durability across a power cut).
 * PostgreSQL refuses to run as root, so as root the commands run as the `postgres` system user (runuser).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The directory holding initdb, pg_ctl and postgres, or null (with why) when there is none usable. */
export function findPostgresBin(): { dir: string } | { missing: string } {
  const candidates: string[] = [];
  if (process.env.CLAIMLINE_TEST_PG_BIN) candidates.push(process.env.CLAIMLINE_TEST_PG_BIN);
  try {
    const versions = fs.readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(`/usr/lib/postgresql/${v}/bin`);
  } catch { /* not Debian-style, or no server installed */ }
  for (const dir of candidates) {
    if (['initdb', 'pg_ctl', 'postgres'].every((b) => fs.existsSync(path.join(dir, b)))) {
      if (process.getuid?.() === 0 && !fs.existsSync('/usr/sbin/runuser') && !fs.existsSync('/sbin/runuser')) {
        return { missing: 'running as root, and no runuser to start PostgreSQL as another user' };
      }
      return { dir };
    }
  }
  return { missing: `no PostgreSQL server binaries (initdb, pg_ctl, postgres) in ${candidates.join(', ') || '/usr/lib/postgresql/*/bin'}; set CLAIMLINE_TEST_PG_BIN` };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export class PrivatePostgres {
  private constructor(private readonly bin: string, readonly dir: string, readonly port: number, private readonly runAs: string | null) {}

  /** postgres://… of the server's `postgres` database. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async create(bin: string): Promise<PrivatePostgres> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-pg-'));
    let runAs: string | null = null;
    if (process.getuid?.() === 0) {
      runAs = 'postgres';
      const uid = Number((await run('id', ['-u', runAs])).stdout.trim());
      const gid = Number((await run('id', ['-g', runAs])).stdout.trim());
      fs.chownSync(dir, uid, gid);
    }
    const pg = new PrivatePostgres(bin, dir, await freePort(), runAs);
    await pg.exec('initdb', ['-D', pg.data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    await pg.start();
    return pg;
  }

  private get data(): string {
    return path.join(this.dir, 'data');
  }

  private async exec(tool: string, args: string[]): Promise<string> {
    const cmd = path.join(this.bin, tool);
    const [file, argv] = this.runAs ? ['runuser', ['-u', this.runAs, '--', cmd, ...args]] : [cmd, args];
    try {
      return (await run(file, argv, { timeout: 60_000 })).stdout;
    } catch (e) {
      const err = e as Error & { stderr?: string };
      const log = fs.existsSync(path.join(this.dir, 'log')) ? fs.readFileSync(path.join(this.dir, 'log'), 'utf8').slice(-2000) : '';
      throw new Error(`${tool} ${args.join(' ')}: ${err.message}\n${err.stderr ?? ''}\n${log}`);
    }
  }

  /** Starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
    await this.exec('pg_ctl', ['-D', this.data, '-l', path.join(this.dir, 'log'), '-o', opts, '-w', '-t', '60', 'start']);
  }

  /** `pg_ctl stop -m fast`: what an administrator's restart does: every session is ended, open transactions rolled back. */
  async stop(): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  /** Stops the server (if running) and removes its files. */
  async destroy(): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
