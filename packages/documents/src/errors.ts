/** Why a rendering failed: LibreOffice or poppler missing, a failed or timed-out conversion. */
export type DocumentRenderErrorReason =
  | 'TOOL_MISSING'
  | 'CONVERSION_FAILED'
  | 'TIMEOUT'
  | 'BAD_OUTPUT';

/**
 * A document could not be rendered. `message` is Chinese for users; `stderr` carries the
 * tool's own output for logs.
 */
export class DocumentRenderError extends Error {
  readonly code = 'DOCUMENT_RENDER_FAILED' as const;
  readonly reason: DocumentRenderErrorReason;
  readonly stderr: string;

  constructor(reason: DocumentRenderErrorReason, message: string, stderr = '') {
    super(stderr ? `${message}\n${stderr.trim()}` : message);
    this.name = 'DocumentRenderError';
    this.reason = reason;
    this.stderr = stderr;
  }
}
