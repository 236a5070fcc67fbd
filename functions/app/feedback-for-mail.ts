import { workbookUnreadable } from '../core/feedback.js';
import { validationAttachmentName } from '../core/report/attachment-names.js';
import type { Period } from '../core/period.js';
import type { FeedbackPointer } from '../core/report/mail-content.js';
import type { OfficeResult } from '../core/scoring/office.js';
import type { FeedbackCopy, MailAttachment } from '../ports.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Where the sink that wrote the offices' Hasil Validasi gives it back for an e-mail (SummarySink.feedbackCopy). */
export type FeedbackCopies = (office: {
  readonly code: string;
  readonly source: string | null;
  readonly unreadable: boolean;
}) => Promise<FeedbackCopy | null>;

/**
 * How an office's e-mail carries its Hasil Validasi (issue 18 item 5): attached locally, linked in live
 * mode, or not at all when there is none, so the mail promises exactly what the office receives.
 */
export async function feedbackForMail(
  copies: FeedbackCopies | undefined,
  office: OfficeResult,
  source: string | null,
  period: Period,
): Promise<{ pointer: FeedbackPointer | null; attachments: MailAttachment[] }> {
  const copy = copies ? await copies({ code: office.code, source, unreadable: workbookUnreadable(office) }) : null;
  if (copy === null) return { pointer: null, attachments: [] };
  if (copy.kind === 'link') return { pointer: { link: copy.url }, attachments: [] };
  const filename = validationAttachmentName(office.name, period);
  return {
    pointer: { attachment: filename },
    attachments: [{ filename, content: copy.bytes, contentType: XLSX_TYPE }],
  };
}
