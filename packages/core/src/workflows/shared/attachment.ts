import { z } from 'zod';

/** A reference to a stored blob (附件): its id in the blob store and the file name shown. */
export const ZAttachment = z.object({
  blobId: z.string().min(1, '附件编号不能为空').max(200),
  name: z.string().trim().min(1, '请填写附件名称').max(200),
});
