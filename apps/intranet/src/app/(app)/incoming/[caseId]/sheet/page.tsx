import type { Metadata } from 'next';
import Link from 'next/link';
import { Forbidden } from '~/components/forbidden';
import { HandwritingView } from '~/components/handwriting/handwriting-view';
import { PrintButton } from '~/components/incoming/print-button';
import { getApp } from '~/server/app';
import { caseIdOf } from '~/server/services/cases/case-verdict';
import { refusalOf } from '~/server/services/cases/require-case-access';
import { buildIncomingSheet } from '~/server/services/incoming/processing-sheet';
import { formatSheetTime } from '~/server/services/sheets/render-processing-sheet';
import { requireUser } from '~/server/session';

export const metadata: Metadata = { title: '收文处理笺' };

const css = `
@page { size: A4; margin: 18mm 20mm; }
.sheet { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 18mm 20mm; background: #fff;
  box-shadow: 0 1px 6px rgba(0,0,0,.12); font-family: "Noto Serif CJK SC", "Songti SC", "SimSun", serif; color: #000; }
.sheet h1 { text-align: center; color: #b81414; font-size: 26pt; letter-spacing: 6pt; margin: 4mm 0 6mm; font-weight: 600; }
.sheet .unit { text-align: center; color: #555; font-size: 12pt; }
.sheet table { width: 100%; border-collapse: collapse; font-size: 11pt; }
.sheet th, .sheet td { border: 0.8pt solid #333; padding: 2mm 3mm; vertical-align: top; text-align: left; }
.sheet th { width: 28mm; font-weight: 500; white-space: nowrap; }
.sheet h2 { font-size: 13pt; margin: 6mm 0 2mm; font-weight: 500; }
.sheet .sign { text-align: right; color: #444; font-size: 10pt; margin-top: 2mm; }
.sheet .opinion { white-space: pre-wrap; }
.sheet-toolbar { display: flex; gap: 8px; justify-content: flex-end; width: 210mm; margin: 0 auto 12px; }
@media print {
  .ant-layout-sider, .ant-layout-header, .sheet-toolbar { display: none !important; }
  .ant-layout-content { margin: 0 !important; }
  .sheet { box-shadow: none; padding: 0; width: auto; min-height: 0; }
}`;

/** 收文处理笺: the printable record of a case (A4), with every opinion and handwriting. */
export default async function SheetPage({ params }: { params: Promise<{ caseId: string }> }) {
  const caseId = caseIdOf((await params).caseId);
  const user = await requireUser();
  const app = await getApp();
  let sheet: Awaited<ReturnType<typeof buildIncomingSheet>> | undefined;
  const refusal = await refusalOf(async () => {
    sheet = await buildIncomingSheet(app, user, caseId);
  });
  if (refusal || !sheet) return <Forbidden reason={refusal ?? ''} />;
  const href = `/incoming/${encodeURIComponent(caseId)}`;
  return (
    <>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: static print stylesheet */}
      <style dangerouslySetInnerHTML={{ __html: css }} />
      <div className="sheet-toolbar">
        <Link href={href}>返回办件</Link>
        <a href={`${href}/sheet/pdf`} target="_blank" rel="noreferrer">
          下载PDF
        </a>
        <PrintButton />
      </div>
      <article className="sheet" data-testid="processing-sheet">
        {sheet.unitName && <div className="unit">{sheet.unitName}</div>}
        <h1>{sheet.title}</h1>
        <table>
          <tbody>
            {sheet.fields.map(([label, value]) => (
              <tr key={label}>
                <th>{label}</th>
                <td>{value || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>办理意见</h2>
        <table>
          <tbody>
            {sheet.opinions.length === 0 && (
              <tr>
                <td colSpan={2}>（暂无意见）</td>
              </tr>
            )}
            {sheet.opinions.map((o) => (
              <tr key={`${o.step}-${o.at.toISOString()}-${o.name}`}>
                <th>{o.step}</th>
                <td>
                  {o.text && <div className="opinion">{o.text}</div>}
                  {o.strokes && (
                    <HandwritingView
                      handwriting={o.strokes}
                      width={300}
                      label={`${o.name}的手写批注`}
                    />
                  )}
                  <div className="sign">
                    {o.name}　{formatSheetTime(o.at)}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </article>
    </>
  );
}
