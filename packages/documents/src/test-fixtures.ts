// Shared documents and measuring helpers for this package's tests (not exported).
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DocumentBlock, OfficialDocument } from '@gongwen/core';

const run = promisify(execFile);

/** 200+ CJK characters with no punctuation until the end, so line breaks fall every 28. */
export const LONG_PARAGRAPH =
  '为进一步加强和改进机关公文处理工作推进公文处理工作科学化制度化规范化根据国家有关规定结合本县工作实际现就进一步做好全县机关公文处理工作有关事项通知如下各乡镇各部门要高度重视公文处理工作把公文处理作为提高机关工作效率和服务水平的重要抓手主要负责同志要亲自过问分管负责同志要具体负责明确专门机构和人员承担公文处理工作建立健全公文处理工作制度做到职责明确流程清晰运转高效确保公文处理工作规范有序开展切实提高公文质量和办文效率更好地服务全县经济社会发展大局。';

/** A red-head 通知 (下行文) long enough for three pages, with every part GB/T 9704 knows. */
export function noticeDocument(): OfficialDocument {
  const blocks: DocumentBlock[] = [
    { type: 'paragraph', text: LONG_PARAGRAPH },
    { type: 'heading', level: 1, text: '一、工作目标' },
    { type: 'heading', level: 2, text: '（一）总体要求' },
    {
      type: 'table',
      rows: [
        ['序号', '事项', '责任单位'],
        ['1', '公文格式', '县政府办公室'],
        ['2', '公文流转', '各乡镇、各部门'],
      ],
    },
    { type: 'heading', level: 3, text: '1.具体措施' },
    { type: 'heading', level: 4, text: '（1）细化分工' },
    { type: 'paragraph', text: LONG_PARAGRAPH },
    { type: 'paragraph', text: LONG_PARAGRAPH },
    { type: 'paragraph', text: LONG_PARAGRAPH },
    { type: 'paragraph', text: LONG_PARAGRAPH },
    { type: 'heading', level: 1, text: '二、保障措施' },
    { type: 'paragraph', text: '各单位要加强督促检查，确保各项要求落到实处。' },
  ];
  return {
    issuerMark: '示例县人民政府办公室文件',
    docNumber: '示政办发〔2026〕12号',
    title: '示例县人民政府办公室关于进一步加强机关公文处理工作的通知',
    mainRecipients: '各乡镇人民政府，县政府各部门',
    body: { blocks },
    attachments: ['公文处理工作要点', '公文格式样例'],
    signatureName: '示例县人民政府办公室',
    date: new Date('2026-11-25T02:00:00Z'),
    note: '联系人：王芳，电话：0000-1234567',
    ccRecipients: '县委办公室，县人大常委会办公室，县政协办公室',
    printer: '示例县人民政府办公室',
    printDate: new Date('2026-11-25T02:00:00Z'),
  };
}

/** A classified, urgent 请示 (上行文) with three 签发人. */
export function requestDocument(): OfficialDocument {
  return {
    copyNumber: '000123',
    secrecy: '机密',
    secrecyPeriod: '1年',
    urgency: '特急',
    issuerMark: '示例县人民政府',
    docNumber: '示政〔2026〕7号',
    signers: ['张建国', '李明华', '王立新'],
    title: '示例县人民政府关于申请防汛救灾补助资金的请示',
    mainRecipients: '示例市人民政府',
    body: {
      blocks: [
        { type: 'paragraph', text: '今年入汛以来，我县遭受多轮强降雨袭击，部分乡镇受灾严重。' },
        { type: 'heading', level: 1, text: '一、受灾情况' },
        { type: 'paragraph', text: LONG_PARAGRAPH },
        { type: 'paragraph', text: '妥否，请批示。' },
      ],
    },
    signatureName: '示例县人民政府',
    date: new Date('2026-07-01T02:00:00Z'),
    note: '联系人：李强，电话：0000-7654321',
    printer: '示例县人民政府办公室',
    printDate: new Date('2026-07-01T02:00:00Z'),
  };
}

/** Writes `pdf` to a temporary file, runs `tool file ...args`, returns stdout. */
export async function popplerTool(tool: string, pdf: Uint8Array, args: string[] = []) {
  const dir = await mkdtemp(join(tmpdir(), 'gongwen-test-'));
  try {
    const file = join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run(tool, [...args, file], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An RGB raster of one page (pdftoppm), `scale` pixels per PDF point. */
export interface Raster {
  width: number;
  height: number;
  scale: number;
  pixel(x: number, y: number): [number, number, number];
}

/** Rasterises page `page` (1-based) of `pdf` at 2 pixels per point. */
export async function rasterise(pdf: Uint8Array, page: number): Promise<Raster> {
  const dir = await mkdtemp(join(tmpdir(), 'gongwen-test-'));
  try {
    const file = join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    await run('pdftoppm', [
      '-r',
      '144',
      '-f',
      String(page),
      '-l',
      String(page),
      file,
      join(dir, 'p'),
    ]);
    const name = (await readdir(dir)).find((f) => f.endsWith('.ppm'));
    if (!name) throw new Error('pdftoppm wrote no image');
    const data = await readFile(join(dir, name));
    // Binary PPM: "P6\n<w> <h>\n255\n" then RGB bytes.
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('unexpected PPM header');
    const width = Number(header[1]);
    const height = Number(header[2]);
    const offset = header[0].length;
    return {
      width,
      height,
      scale: 2,
      pixel(x, y) {
        const i = offset + (y * width + x) * 3;
        return [data[i]!, data[i + 1]!, data[i + 2]!];
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Pure red-ish, as the 发文机关标志 and the separator line print. */
export const isRed = ([r, g, b]: [number, number, number]) => r > 200 && g < 90 && b < 90;

export const MM = 72 / 25.4;
