/** What /api/blobs answers for an upload. */
export interface UploadedFile {
  blobId: string;
  name: string;
  size: number;
  contentType: string;
}

/**
 * Uploads one file through the shared attachment route (/api/blobs); throws an Error with the
 * server's Chinese message.
 */
export async function uploadOutgoingFile(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch('/api/blobs', { method: 'POST', body: form });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `上传失败（${res.status}）`);
  }
  return (await res.json()) as UploadedFile;
}
