/**
 * The rate a server grants, learned from its quota answers (Drive's 403 `userRateLimitExceeded` and 429),
 * and the pace that follows from it: when the next request may start. Nothing is known beforehand: Drive
 * does not say its quota, and a project's quota can be lowered. Exponential backoff is the wrong tool
 * against a rate limit (a probe at 5 requests per 2 s: 75 lookups took 300 s against a minimum of 30 s
 * and left 10–15 unanswered); what a rate limit asks for is the rate, so monev measures it.
 *
 * How: a *block* is a run of refused requests with no grant between them; it ends with the first grant
 * sent after it began, and its end lies between the last refused and that first granted send (the
 * middle is taken). While blocked, requests probe at gaps that grow with the time blocked (a fifth of
 * it), so a wall of unknown length costs at most a fifth more than its length and a few refused probes.
 * A block of three refusals or more is a *wall*: the server is out of quota. The requests it let
 * through between two walls, over the time between them less the time nobody asked (idle), is the rate
 * it grants. That holds for a fixed window (a wall ends where a window starts), a sliding window and a
 * token bucket alike. A block of one or two refusals may be chance (a backend's 429 that the next
 * request does not meet): it changes nothing, and its requests count as let through, since the server
 * had room right after. Between walls the pace creeps up, by a tenth over as many requests as the last
 * measurement counted, to at most half again the measured rate, so a rate measured too low (or raised
 * by Google) is found again without spending much of the quota on refused requests.
 *
 * Pure: every time is passed in (milliseconds on one clock), so tests drive it with a virtual clock.
 */

/** Probes while blocked are this far apart at first (or at the learned pace, if that is faster). */
const FIRST_PROBE_MS = 25;
/** While blocked, the next probe waits this share of the time blocked so far. */
const PROBE_SHARE = 1 / 5;
/** A block with at least this many refusals is a wall: the server's limit, not chance. */
const WALL_REFUSALS = 3;
/** Over as many grants as the last measurement counted, the pace rises by this share... */
const CREEP = 0.1;
/** ...up to this multiple of the measured rate. */
const CREEP_CEILING = 1.5;

interface Block {
  /** Send time of the earliest refused request of the block. */
  since: number;
  /** Send time of the latest refused request of the block. */
  lastRefused: number;
  refusals: number;
}

export class GrantedRate {
  /** Milliseconds between request starts; null until a measurement (unpaced before any quota answer). */
  private spacing: number | null = null;
  private next = 0;
  private pausedUntil = 0;
  private lastStart = Number.NEGATIVE_INFINITY;
  /** Time, summed once paced, when the pace allowed a request and none was waiting. */
  private idle = 0;
  private block: Block | null = null;
  private lastGrantSent = Number.NEGATIVE_INFINITY;
  /** The last wall's end (its estimated moment) and the idle time then. */
  private lastWall: { at: number; idle: number } | null = null;
  /** Requests the server let through since the last wall: grants, and refusals of blocks that were no wall. */
  private passedSinceWall = 0;
  /** The last measurement: the spacing it found, over how many requests. */
  private measured: { spacing: number; passed: number } | null = null;

  /** The learned spacing between requests in ms, or null while none has been measured. */
  get intervalMs(): number | null {
    return this.spacing;
  }

  /** How long from `now` until the next request may start; 0 when it may start now. */
  waitMs(now: number): number {
    return Math.max(0, this.next - now, this.pausedUntil - now);
  }

  /** A request starts at `now` (only when `waitMs(now)` is 0): the next one waits a gap. */
  started(now: number): void {
    const allowed = Math.max(this.next, this.pausedUntil);
    // Idle only counts once paced: unpaced, requests are spaced by their answers, not by the pace.
    if (this.spacing !== null && !this.block && now > allowed) this.idle += now - allowed;
    this.lastStart = now;
    this.next = now + this.gap(now);
  }

  /** The server answered a request sent at `sentAt` (anything but a quota answer). */
  granted(sentAt: number): void {
    const block = this.block;
    if (block && sentAt >= block.since) {
      const end = (Math.min(block.lastRefused, sentAt) + sentAt) / 2;
      if (block.refusals >= WALL_REFUSALS) {
        this.measure(end);
        this.lastWall = { at: end, idle: this.idle };
        this.passedSinceWall = 0;
      } else this.passedSinceWall += block.refusals;
      this.block = null;
      // The probe gap no longer applies: the next request may go at the pace from the last start.
      this.next = this.lastStart + this.gap(this.lastStart);
    } else if (!block && this.spacing !== null && this.measured !== null) {
      const { spacing, passed } = this.measured;
      this.spacing = Math.max(spacing / CREEP_CEILING, this.spacing / (1 + CREEP / passed));
    }
    this.passedSinceWall++;
    this.lastGrantSent = Math.max(this.lastGrantSent, sentAt);
  }

  /** The server answered a request sent at `sentAt` with a quota answer, maybe saying when to come back. */
  refused(sentAt: number, now: number, retryAfterMs?: number): void {
    if (retryAfterMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    // Sent before a request the server granted: it was refused for a moment that has passed.
    if (sentAt < this.lastGrantSent) return;
    const block = this.block;
    if (!block) this.block = { since: sentAt, lastRefused: sentAt, refusals: 1 };
    else {
      block.since = Math.min(block.since, sentAt);
      block.lastRefused = Math.max(block.lastRefused, sentAt);
      block.refusals++;
    }
    this.next = Math.max(this.next, this.lastStart + this.gap(now));
  }

  private gap(now: number): number {
    if (!this.block) return this.spacing ?? 0;
    const probe = Math.min(FIRST_PROBE_MS, this.spacing ?? FIRST_PROBE_MS);
    return Math.max(probe, (now - this.block.since) * PROBE_SHARE);
  }

  /** Requests let through since the last wall, over the time since then that someone was asking. */
  private measure(end: number): void {
    const last = this.lastWall;
    if (!last || this.passedSinceWall === 0) return;
    const busy = end - last.at - (this.idle - last.idle);
    if (busy <= 0) return;
    this.measured = { spacing: busy / this.passedSinceWall, passed: this.passedSinceWall };
    this.spacing = this.measured.spacing;
  }
}
