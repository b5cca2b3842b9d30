import type { DocumentBlock, DocumentBody } from '@gongwen/core';

/** 标题 of the example document. */
export const TITLE = '关于做好2027年元旦春节期间安全生产工作的通知';

const DUTY_TABLE: DocumentBlock = {
  type: 'table',
  rows: [
    ['时段', '带班领导', '值班单位', '值班电话'],
    ['元旦假期', '张县长', '县政府办公室', '0000-1234567'],
    ['春节假期', '陈副县长', '县应急管理局', '0000-1234568'],
  ],
};

/** The 正文 as the drafter wrote it in Word: headings 一、/（一）, paragraphs and a duty table. */
export const DRAFT_BODY: DocumentBody = {
  blocks: [
    {
      type: 'paragraph',
      text: '元旦、春节即将来临，为切实做好节日期间安全生产工作，保障人民群众生命财产安全，经县人民政府同意，现就有关事项通知如下。',
    },
    { type: 'heading', level: 1, text: '一、总体要求' },
    {
      type: 'paragraph',
      text: '各单位要坚持人民至上、生命至上，压紧压实安全生产责任，坚决防范遏制重特大事故发生。',
    },
    { type: 'heading', level: 1, text: '二、重点任务' },
    { type: 'heading', level: 2, text: '（一）全面排查安全隐患' },
    {
      type: 'paragraph',
      text: '组织开展道路交通、消防、燃气、建筑施工等重点行业领域隐患排查，建立问题清单，限期整改到位。',
    },
    { type: 'heading', level: 2, text: '（二）严格落实值班值守' },
    { type: 'paragraph', text: '节日期间实行24小时值班和领导带班制度，值班安排如下：' },
    DUTY_TABLE,
    { type: 'heading', level: 1, text: '三、工作要求' },
    {
      type: 'paragraph',
      text: '各单位要于2027年1月5日前将隐患排查整治情况报送县应急管理局。',
    },
  ],
};

/** The body with a paragraph added at the end of the section under `heading`. */
function appendToSection(body: DocumentBody, heading: string, text: string): DocumentBody {
  const at = body.blocks.findIndex((b) => b.type === 'heading' && b.text === heading);
  if (at < 0) throw new Error(`heading ${heading} not found`);
  const blocks = [...body.blocks];
  let end = at + 1;
  while (end < blocks.length && blocks[end]?.type !== 'heading') end++;
  blocks.splice(end, 0, { type: 'paragraph', text });
  return { blocks };
}

/** 县财政局's proposed edit (钱股长): where the money for hidden-danger work comes from. */
export const FINANCE_PROPOSAL = appendToSection(
  DRAFT_BODY,
  '（一）全面排查安全隐患',
  '隐患整治所需经费由各单位在年度预算内统筹安排。',
);

/** The drafter's consolidation after the first 会签 (the proposal taken, worded a little better). */
export const CONSOLIDATED_BODY = appendToSection(
  DRAFT_BODY,
  '（一）全面排查安全隐患',
  '隐患整治所需经费由各单位在年度预算内统筹安排，确保整改措施落实到位。',
);

/** The revision the 签发 leader asked for: emergency readiness. */
export const REVISED_BODY = appendToSection(
  CONSOLIDATED_BODY,
  '（二）严格落实值班值守',
  '遇有突发事件，要第一时间启动应急预案，按规定及时、准确报送信息，严禁迟报、漏报、谎报、瞒报。',
);
