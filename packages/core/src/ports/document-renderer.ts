import type { DocumentBody } from '../workflows/outgoing/document-body.ts';

/**
 * Everything printed on an official document (正式公文), in GB/T 9704-2012 terms:
 * 版头 (header), 主体 (main part) and 版记 (imprint). Optional parts are simply left out.
 */
export interface OfficialDocument {
  /** 份号, e.g. "000001"; printed only when given (required for classified documents). */
  copyNumber?: string;
  /** 密级: 秘密 / 机密 / 绝密; omitted for unclassified documents. */
  secrecy?: '秘密' | '机密' | '绝密';
  /** 保密期限, e.g. "1年", printed after the 密级 with a ★. */
  secrecyPeriod?: string;
  /** 紧急程度: 特急 / 加急. */
  urgency?: '特急' | '加急';
  /** 发文机关标志, printed red, e.g. "示例县人民政府办公室文件". */
  issuerMark: string;
  /** 发文字号 (文号), e.g. "示政办发〔2026〕12号"; omitted before numbering (draft preview). */
  docNumber?: string;
  /** 签发人 names, printed for upward documents (上行文: 请示, 报告). */
  signers?: string[];
  /** 标题. */
  title: string;
  /** 主送机关, already joined as they should print ("各乡镇人民政府，县政府各部门"). */
  mainRecipients?: string;
  body: DocumentBody;
  /** 附件说明: attachment names in order. */
  attachments?: string[];
  /** 发文机关署名. */
  signatureName: string;
  /** 成文日期. */
  date: Date;
  /** 附注, e.g. "（联系人：王芳，电话：0000-1234567）". */
  note?: string;
  /** 抄送机关, already joined. */
  ccRecipients?: string;
  /** 印发机关. */
  printer: string;
  /** 印发日期. */
  printDate: Date;
}

/** Where the 印章 goes on a rendered PDF (page and centre point, PDF points from bottom-left). */
export interface RenderedSealAnchor {
  page: number;
  x: number;
  y: number;
}

/** A rendered PDF and where its seal belongs. */
export interface RenderedPdf {
  pdf: Uint8Array;
  pageCount: number;
  /** Centre of the 印章 over the 署名 and 成文日期, for `SealPlacement`. */
  sealAnchor: RenderedSealAnchor;
}

/** Port that turns an `OfficialDocument` into files; `@gongwen/documents` is the reference implementation. */
export interface DocumentRenderer {
  /** The document as a .docx file in the GB/T 9704 layout. */
  renderDocx(doc: OfficialDocument): Promise<Uint8Array>;
  /** The document as a PDF in the GB/T 9704 layout, with the seal anchor. */
  renderPdf(doc: OfficialDocument): Promise<RenderedPdf>;
}
