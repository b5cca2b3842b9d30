import type { DocumentBlock, DocumentBody } from '@gongwen/core';
import {
  APPROVAL_LINES,
  REPORT_LINES,
  REVISIONS,
  SECTIONS,
  SUB_HEADINGS,
  TASK_LINES,
  type Template,
} from './outgoing-texts';
import type { Random } from './random';

// The 正文 of a demo 发文: its opening by 文种, sections and lines drawn from the texts.

const heading = (level: 1 | 2, text: string): DocumentBlock => ({ type: 'heading', level, text });
const para = (text: string): DocumentBlock => ({ type: 'paragraph', text });

/** The first paragraph of a body, by 文种; `matter` is the title without 关于 … 的文种. */
function openingOf(docType: string, matter: string): string {
  if (matter.startsWith('印发')) {
    return `现将${matter.slice(2)}印发给你们，请结合实际认真贯彻执行。`;
  }
  switch (docType) {
    case '请示':
      return `为${matter.replace(/^申请/, '争取')}，切实解决实际困难，现将有关事项请示如下：`;
    case '报告':
      return `现将${matter.replace(/^示例县/, '我县')}有关情况报告如下：`;
    case '函':
      return `为推进相关工作，现就${matter.replace(/^商请(协调|支持)?/, '')}有关事项函商如下：`;
    case '批复':
      return `你镇关于${matter.replace(/^(同意)?城关镇/, '')}的请示收悉。经县人民政府研究，批复如下：`;
    case '纪要':
      return '县人民政府召开会议，研究部署近期重点工作。现将会议议定事项纪要如下：';
    case '公报':
      return '过去一年，全县上下坚持稳中求进工作总基调，经济社会保持健康平稳发展。';
    case '命令（令）':
      return '当前已进入森林防火紧要期，为严防森林火灾发生，保护人民群众生命财产安全，县人民政府决定发布森林防火戒严令。';
    case '决议':
      return '县人民政府常务会议审议了民生实事项目安排，会议同意所提项目，并作如下决议：';
    case '议案':
      return `根据《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》有关规定，现提请县人民代表大会常务委员会审议${matter.replace(/^提请审议/, '')}。`;
    case '通告':
    case '公告':
      return `根据有关法律法规规定，现就${matter}有关事项${docType}如下：`;
    default:
      return `为认真贯彻落实上级有关部署，${matter}，结合我县实际，现就有关事项${docType === '通知' ? '通知' : '明确'}如下：`;
  }
}

/** A body for a document of template `t` titled `title`. */
export function makeBody(r: Random, t: Template, title: string): DocumentBody {
  const lines: readonly string[] =
    t.docType === '批复'
      ? APPROVAL_LINES
      : ['请示', '报告', '函'].includes(t.docType)
        ? REPORT_LINES
        : TASK_LINES;
  const matter = title
    .replace(/^关于/, '')
    .replace(/的(通知|请示|报告|实施意见|意见|通报|函|批复|决定|通告|公告|议案)$/, '');
  const blocks: DocumentBlock[] = [];
  const sections = SECTIONS[t.docType] ?? [];
  blocks.push(para(openingOf(t.docType, matter)));
  const subs = r.pick(SUB_HEADINGS);
  sections.forEach((s, k) => {
    blocks.push(heading(1, s));
    if (k === 1 && r.chance(0.6)) {
      for (const sub of subs.slice(0, r.int(2, 3))) {
        blocks.push(heading(2, sub));
        blocks.push(para(r.pick(lines)));
      }
    } else {
      blocks.push(para(r.pick(lines)));
    }
  });
  if (sections.length === 0) blocks.push(para(r.pick(lines)));
  if (t.docType === '请示') blocks.push(para('妥否，请批示。'));
  if (t.docType === '函') blocks.push(para('请予支持为盼。'));
  if (t.docType === '报告') blocks.push(para('特此报告。'));
  return { blocks };
}

/** The body with one more line (a revision), in place of or before the last paragraph. */
export function revised(r: Random, body: DocumentBody): DocumentBody {
  const blocks = [...body.blocks];
  const at = blocks.findLastIndex((b) => b.type === 'paragraph');
  const line = r.pick(REVISIONS);
  const old = blocks[at];
  if (old?.type === 'paragraph' && !old.text.includes(line) && r.chance(0.6)) {
    blocks[at] = para(`${old.text}${line}`);
  } else {
    blocks.splice(at, 0, para(line));
  }
  return { blocks };
}
