import { Transform, type TransformCallback } from 'node:stream';

/**
 * The moment a message leaves monev's hands (the Mailer port's `beforeHandover`), for one send: the
 * caller's hook runs once, however often a transport asks, and the send remembers whether it got
 * there, which decides whether a failure is certain (the message went nowhere) or unknown.
 */
export class Handover {
  private running: Promise<void> | null = null;
  private failed: { readonly error: unknown } | null = null;

  constructor(private readonly before?: () => Promise<void>) {}

  /** The message is about to be handed over: runs the hook (once) and resolves when it has. */
  start(): Promise<void> {
    this.running ??= (this.before?.() ?? Promise.resolve()).catch((error: unknown) => {
      this.failed = { error };
      throw error;
    });
    return this.running;
  }

  /** The hook was called: from here on the message may have reached the recipient. */
  get started(): boolean {
    return this.running !== null;
  }

  /** The hook's own error, when it failed: the message was held back for it, and it is what the caller must see. */
  get failure(): { readonly error: unknown } | null {
    return this.failed;
  }

  /**
   * The last stage of a message's stream: it passes the message through unchanged but ends it only
   * once the hook has resolved. Over SMTP the end of the message is the final dot of DATA, the one
   * thing that makes a server keep the message: up to it, a dropped connection leaves nothing behind.
   * The stream is filled long before the server is ready for it (before MAIL FROM), so the hook waits
   * for the transport to pipe the message out, which it does once the server has answered DATA.
   */
  gate(): Transform {
    return new HandoverGate(this);
  }
}

class HandoverGate extends Transform {
  private readonly piped: Promise<void>;
  private onPiped: () => void = () => undefined;

  constructor(private readonly handover: Handover) {
    super();
    this.piped = new Promise<void>((resolve) => (this.onPiped = resolve));
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    this.onPiped();
    return super.pipe(destination, options);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.piped
      .then(() => this.handover.start())
      .then(
        () => done(),
        (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
      );
  }
}
