'use client';

import { Tag } from 'antd';

const URGENCY_COLORS: Record<string, string> = { 特急: 'red', 加急: 'orange' };
const SECRECY_COLORS: Record<string, string> = { 秘密: 'gold', 机密: 'volcano', 绝密: 'magenta' };

/** 紧急程度 and 密级 of a case, shown only when they are not the ordinary value. */
export function CaseTags({ fields }: { fields: Record<string, unknown> }) {
  const urgency = typeof fields.urgency === 'string' ? fields.urgency : null;
  const secrecy = typeof fields.secrecy === 'string' ? fields.secrecy : null;
  return (
    <>
      {urgency && urgency !== '普通' && <Tag color={URGENCY_COLORS[urgency]}>{urgency}</Tag>}
      {secrecy && secrecy !== '非密' && <Tag color={SECRECY_COLORS[secrecy]}>{secrecy}</Tag>}
    </>
  );
}

/** The 文号 (or 收文编号) a case carries, if any. */
export function docNumberOf(fields: Record<string, unknown>): string | null {
  for (const key of ['docNumber', 'senderDocNumber', 'serialNo']) {
    const v = fields[key];
    if (typeof v === 'string' && v.length > 0) return v;
  }
  return null;
}
