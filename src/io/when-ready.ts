import { writeSync } from "node:fs";

/**
 * A synchronous read or write on a non-blocking pipe (our own stdin or stdout) fails with
 * EAGAIN while the other end is behind: wait a moment and try again.
 */
export function whenReady<T>(io: () => T): T {
  for (;;) {
    try {
      return io();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/** Writes all of a text to a descriptor, waiting while a non-blocking pipe is full (EAGAIN). */
export function writeAllSync(fd: number, text: string): void {
  let bytes = Buffer.from(text);
  while (bytes.length > 0) bytes = bytes.subarray(whenReady(() => writeSync(fd, bytes)));
}
