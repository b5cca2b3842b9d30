import type { LedgerRecord } from '@gongwen/core';
import type { Names } from '~/server/services/cases/names';

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function describeProposal(p: Record<string, unknown>, names: Names): string[] {
  const parts: string[] = [];
  const leaders = list(p.leaders).map(names.user);
  if (leaders.length > 0)
    parts.push(
      `批示领导：${leaders.join('、')}${leaders.length > 1 ? (p.leaderMode === 'parallel' ? '（同时批示）' : '（依次批示）') : ''}`,
    );
  if (str(p.mainDepartment)) parts.push(`主办：${names.department(str(p.mainDepartment))}`);
  const assist = list(p.assistDepartments).map(names.department);
  if (assist.length > 0) parts.push(`协办：${assist.join('、')}`);
  const circ = list(p.circulateDepartments).map(names.department);
  if (circ.length > 0) parts.push(`传阅：${circ.join('、')}`);
  if (p.supervise === true) parts.push('催办：是');
  if (str(p.deadline)) parts.push(`办理时限：${str(p.deadline)}`);
  return parts;
}

/** One readable line of what a ledger entry decided, beyond its opinion (who, which departments). */
export function describeEntry(e: LedgerRecord, names: Names): string {
  const f = e.fields;
  const dept = str(f.departmentId) ? names.department(str(f.departmentId)) : null;
  switch (e.event) {
    case 'start':
    case 'AMEND_REGISTRATION':
      return [
        str(f.serialNo) ? `收文编号：${f.serialNo}` : null,
        str(f.senderUnit) ? `来文单位：${f.senderUnit}` : null,
        str(f.senderDocNumber) ? `来文字号：${f.senderDocNumber}` : null,
      ]
        .filter(Boolean)
        .join('；');
    case 'PROPOSE':
      return describeProposal(f, names).join('；');
    case 'REVIEW':
      return f.decision === 'change' && typeof f.proposal === 'object' && f.proposal
        ? `修改拟办：${describeProposal(f.proposal as Record<string, unknown>, names).join('；')}`
        : '同意拟办';
    case 'INSTRUCT': {
      const parts: string[] = [];
      const a = list(f.addAssistDepartments).map(names.department);
      const c = list(f.addCirculateDepartments).map(names.department);
      if (a.length > 0) parts.push(`增加协办：${a.join('、')}`);
      if (c.length > 0) parts.push(`增加传阅：${c.join('、')}`);
      return parts.join('；');
    }
    case 'ASSIGN':
    case 'HAND_DOWN':
      return `${dept ?? ''}承办人：${names.user(str(f.handlerId))}`;
    case 'SUBMIT_RESULT':
    case 'CONFIRM':
    case 'SEND_BACK':
    case 'READ':
      return dept ?? '';
    case 'RETURN':
    case 'WITHDRAW':
      return dept ?? '';
    case 'PICK_READERS': {
      const readers = list(f.readers).map(names.user);
      const fwd = list(f.forwardTo).map(names.department);
      return [
        dept,
        readers.length > 0 ? `阅读人：${readers.join('、')}` : '无本部门阅读人',
        fwd.length > 0 ? `转下级传阅：${fwd.join('、')}` : null,
      ]
        .filter(Boolean)
        .join('；');
    }
    case 'ARCHIVE':
      return str(f.archiveCode) ? `档号：${f.archiveCode}` : '';
    case '$reassign':
      return `改派给：${list(f.to).map(names.user).join('、')}`;
    default:
      return '';
  }
}
