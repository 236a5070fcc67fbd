export type MailErrorCode =
  | 'invalid-config'
  | 'invalid-message'
  | 'connection-failed'
  | 'auth-failed'
  | 'all-rejected'
  | 'refused'
  | 'write-failed'
  | 'uncertain';

/**
 * The one error the mail adapters throw. Its message says, in Indonesian, which mail failed and what to
 * check, followed by the technical reason; it never contains the body or the attachments of the mail.
 */
export class MailSendError extends Error {
  override readonly name = 'MailSendError';

  constructor(
    readonly code: MailErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The Mailer port's contract: `unknown` when the message may have been accepted despite the error. */
  get delivery(): 'failed' | 'unknown' {
    return this.code === 'uncertain' ? 'unknown' : 'failed';
  }
}
