import { DEMO_ZONE } from '@halflife/domain/demo';
import { SimApi } from './sim-api.js';
import { ServerGone, isoIn, type SimServer } from './sim-server.js';

/**
 * A server process and its client, with the one recovery the simulation knows: when the server
 * goes away under a request (a SIGKILL of --kill-after, or a crash), start it again on the same
 * database with the clock where it had got to, open new sessions, and do the interrupted work
 * again — which, because the work reads the records first, does only what is still missing.
 */
export class ResilientRun {
  readonly api: SimApi;
  restartsAfterKill = 0;
  unexpected = 0;
  private killsSeen = 0;

  constructor(
    readonly server: SimServer,
    password: string,
    killAfter: readonly number[],
    killDelay: () => number,
  ) {
    this.api = new SimApi(server, password, killAfter, killDelay);
  }

  /** Runs `fn`; if the server goes away under it, restarts the server and runs `fn` again. */
  async resilient<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (!(e instanceof ServerGone) || attempt > 10) throw e;
        await this.recover(e.message);
      }
    }
  }

  private async recover(why: string): Promise<void> {
    await this.server.settle();
    if (this.server.alive()) {
      console.log(`  ~ ${why}: the server is up; trying again`);
    } else {
      if (this.server.kills === this.killsSeen) {
        this.unexpected++;
        console.log(`  ✗ the server exited by itself (${why}); see its log`);
      }
      this.killsSeen = this.server.kills;
      await this.server.restart();
      this.restartsAfterKill++;
      console.log(
        `  ↻ restarted on the same database, clock ${isoIn(this.server.now(), DEMO_ZONE)}; continuing from the records`,
      );
    }
    this.api.newSessions();
  }
}
