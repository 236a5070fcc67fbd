/**
 * A virtual clock for the quota scheduler and its pace: time moves only when every task is asleep, so
 * tests state what happens at which (virtual) moment without depending on how fast the machine is.
 */
export class VirtualTime {
  t = 0;
  now = () => this.t;
  private sleepers: { at: number; wake: () => void }[] = [];
  random = () => 0.5;

  sleep = (ms: number): Promise<void> =>
    new Promise((wake) => {
      this.sleepers.push({ at: this.t + ms, wake });
    });

  after = (ms: number, wake: () => void): (() => void) => {
    const sleeper = { at: this.t + ms, wake };
    this.sleepers.push(sleeper);
    return () => {
      this.sleepers = this.sleepers.filter((other) => other !== sleeper);
    };
  };

  /** Runs `work` to the end, advancing the clock to the next sleeper whenever everything waits. */
  async run<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const result = work.finally(() => (done = true));
    // The caller looks at the outcome once the clock has stopped; until then it is not "unhandled".
    result.catch(() => undefined);
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      if (done) break;
      this.sleepers.sort((a, b) => a.at - b.at);
      const next = this.sleepers.shift();
      if (!next) continue;
      this.t = Math.max(this.t, next.at);
      next.wake();
    }
    return result;
  }
}
