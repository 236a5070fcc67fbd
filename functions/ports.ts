/**
 * The interfaces the application needs from the outside world. The core never sees them; the use
 * cases in app/ receive implementations from the entrypoints, and tests pass fakes.
 */

/** One HTML document to print. `id` names it in logs and errors (e.g. "3573-2025-TW3"). */
export interface PdfDocument {
  id: string;
  html: string;
  /** Plain text shown in the footer of every page next to "Halaman X dari Y". */
  footerText: string;
}

export interface PdfRenderer {
  render(document: PdfDocument): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface MailAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
}

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

export interface MailReceipt {
  messageId: string;
  /** Recipients the transport accepted and refused; a partly refused message is still delivered. */
  accepted: string[];
  rejected: string[];
}

export interface Mailer {
  send(message: MailMessage): Promise<MailReceipt>;
  close(): Promise<void>;
}
