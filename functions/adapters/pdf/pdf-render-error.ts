export type PdfRenderErrorCode = 'chromium-not-found' | 'launch-failed' | 'timeout' | 'render-failed' | 'closed';

/** The one error the PDF adapter throws; `message` is written for the person who has to fix it. */
export class PdfRenderError extends Error {
  override readonly name = 'PdfRenderError';

  constructor(
    readonly code: PdfRenderErrorCode,
    message: string,
    readonly documentId?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The message of anything thrown, for quoting inside a PdfRenderError's message. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
