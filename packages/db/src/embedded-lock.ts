/**
 * An embedded database (PGlite in a folder) can be open in one process only: a second process
 * would read a stale copy. A running server writes its pid beside the folder; other processes
 * (the CLI) refuse to open a folder whose holder is alive.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const lockFile = (dataDir: string): string => `${dataDir.replace(/\/+$/, '')}.server.pid`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live process holding the folder, if any (a stale lock is ignored). */
export function embeddedHolder(dataDir: string): number | undefined {
  const file = lockFile(dataDir);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : undefined;
}

/** Marks the folder as held by this process until `release` is called (or the process ends). */
export function holdEmbedded(dataDir: string): { release(): void } {
  const file = lockFile(dataDir);
  writeFileSync(file, String(process.pid));
  return {
    release() {
      if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(process.pid)) {
        rmSync(file, { force: true });
      }
    },
  };
}
