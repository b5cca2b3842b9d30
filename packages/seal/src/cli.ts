import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  certificatePem,
  createUnitCa,
  describeCertificate,
  issueSealCertificate,
} from './certificates.ts';
import { createCrl, crlPem } from './crl.ts';
import type { SealAppearance } from './pdf-sign.ts';
import { loadPkcs12, savePkcs12 } from './pkcs12.ts';
import { softwareSigner } from './signer.ts';

const USAGE = `gongwen-seal — 电子公章工具 (electronic official seals for PDF)

用法 Usage: gongwen-seal <命令 command> [选项 options]

命令 Commands:
  init-ca   创建单位电子印章 CA（根证书与私钥，PKCS#12）
            Create a unit CA (root certificate and key, PKCS#12)
            --name 名称 --out ca.p12 --password 口令 [--cert ca.pem] [--years 10]
  issue     用 CA 签发电子印章证书
            Issue a seal certificate signed by the CA
            --ca ca.p12 --ca-password 口令 --unit 单位名称 --credit-code 统一社会信用代码
            --out seal.p12 --password PIN [--cert seal.pem] [--years 5]
  revoke    吊销印章证书，生成证书吊销列表（CRL）
            Revoke seal certificates and write a certificate revocation list (CRL)
            --ca ca.p12 --ca-password 口令 --serial 序列号[,序列号…] --out ca.crl [--days 30]
  seal      在 PDF 上加盖电子公章（可见红章 + 数字签名）
            Seal a PDF: a visible red seal and a digital signature
            --p12 seal.p12 --password PIN --in a.pdf --out b.pdf --page 1 --x 420 --y 180
            [--size 119] [--code 印章编码] [--image seal.png] [--reason 事由]
  verify    离线验证 PDF 中的电子公章
            Verify the seals in a PDF offline
            --ca ca.pem [--crl ca.crl] [--json] file.pdf
  help      显示本帮助（也可用 --help、-h）
            Show this help (also --help, -h)

页码从 1 开始；x、y 为印章中心的 PDF 坐标（单位：点）。
Pages are numbered from 1; x and y are the seal's centre in PDF points.
verify 仅当文件至少有一枚电子公章且全部有效时退出码为 0。
verify exits 0 only when the file has at least one seal and every seal is valid.`;

const OPTIONS = {
  name: { type: 'string' },
  out: { type: 'string' },
  password: { type: 'string' },
  cert: { type: 'string' },
  years: { type: 'string' },
  days: { type: 'string' },
  ca: { type: 'string' },
  'ca-password': { type: 'string' },
  unit: { type: 'string' },
  'credit-code': { type: 'string' },
  serial: { type: 'string' },
  p12: { type: 'string' },
  in: { type: 'string' },
  page: { type: 'string' },
  x: { type: 'string' },
  y: { type: 'string' },
  size: { type: 'string' },
  code: { type: 'string' },
  image: { type: 'string' },
  reason: { type: 'string' },
  crl: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

function need(values: Values, key: keyof Values): string {
  const v = values[key];
  if (typeof v !== 'string' || v === '') throw new UsageError(`missing --${key}`);
  return v;
}

class UsageError extends Error {}

const addYears = (d: Date, n: number) =>
  new Date(Date.UTC(d.getUTCFullYear() + n, d.getUTCMonth(), d.getUTCDate()));

async function run(command: string | undefined, values: Values, files: string[]): Promise<number> {
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const now = new Date();
  switch (command) {
    case 'init-ca': {
      const ca = createUnitCa({
        name: need(values, 'name'),
        notBefore: now,
        notAfter: addYears(now, Number(values.years ?? 10)),
      });
      writeFileSync(need(values, 'out'), savePkcs12(ca, need(values, 'password')));
      if (values.cert) writeFileSync(values.cert, certificatePem(ca.certificate));
      console.log(`CA ${values.name} serial ${describeCertificate(ca.certificate).serial}`);
      return 0;
    }
    case 'issue': {
      const ca = loadPkcs12(readFileSync(need(values, 'ca')), need(values, 'ca-password'));
      const seal = issueSealCertificate(ca, {
        unitName: need(values, 'unit'),
        creditCode: need(values, 'credit-code'),
        notBefore: now,
        notAfter: addYears(now, Number(values.years ?? 5)),
      });
      writeFileSync(need(values, 'out'), savePkcs12(seal, need(values, 'password'), values.unit));
      if (values.cert) writeFileSync(values.cert, certificatePem(seal.certificate));
      console.log(`${values.unit} serial ${describeCertificate(seal.certificate).serial}`);
      return 0;
    }
    case 'revoke': {
      const ca = loadPkcs12(readFileSync(need(values, 'ca')), need(values, 'ca-password'));
      const days = Number(values.days ?? 30);
      const crl = createCrl(ca, {
        revoked: need(values, 'serial')
          .split(',')
          .map((serial) => ({ serial: serial.trim(), revokedAt: now })),
        thisUpdate: now,
        nextUpdate: new Date(now.getTime() + days * 86_400_000),
      });
      writeFileSync(need(values, 'out'), crlPem(crl));
      return 0;
    }
    case 'seal': {
      // pdf-lib and fontkit load lazily: the key commands start faster without them.
      const { sealPdf } = await import('./pdf-sign.ts');
      const key = loadPkcs12(readFileSync(need(values, 'p12')), need(values, 'password'));
      const unitName = describeCertificate(key.certificate).commonName ?? '';
      const appearance: SealAppearance = values.image
        ? { kind: 'png', png: readFileSync(values.image) }
        : { kind: 'round', unitName, ...(values.code ? { code: values.code } : {}) };
      const sealed = await sealPdf(readFileSync(need(values, 'in')), {
        signer: softwareSigner(key),
        placement: {
          page: Number(need(values, 'page')) - 1,
          x: Number(need(values, 'x')),
          y: Number(need(values, 'y')),
          ...(values.size ? { size: Number(values.size) } : {}),
        },
        appearance,
        signingTime: now,
        ...(values.reason ? { reason: values.reason } : {}),
      });
      writeFileSync(need(values, 'out'), sealed.pdf);
      console.log(`已盖章：${unitName} → ${values.out}`);
      return 0;
    }
    case 'verify': {
      const file = files[0];
      if (!file) throw new UsageError('missing file to verify');
      const { verifySealedPdf } = await import('./verify/index.ts');
      const reports = await verifySealedPdf(readFileSync(file), {
        trustAnchors: [readFileSync(need(values, 'ca'), 'latin1')],
        ...(values.crl ? { crls: [readFileSync(values.crl)] } : {}),
      });
      if (values.json) console.log(JSON.stringify(reports, null, 2));
      else if (reports.length === 0) console.log('文件中没有电子公章');
      else {
        for (const r of reports) {
          console.log(
            `${r.valid ? '有效' : '无效'}  ${r.signerName ?? '?'}  序列号 ${r.certificateSerial ?? '?'}  ${r.signingTime?.toISOString() ?? ''}`,
          );
          for (const p of r.problems) console.log(`  - ${p}`);
        }
      }
      return reports.length > 0 && reports.every((r) => r.valid) ? 0 : 1;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      console.log(USAGE);
      return command === undefined || values.help ? 0 : 2;
  }
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: OPTIONS,
      allowPositionals: true,
    });
    return await run(command, values, positionals);
  } catch (e) {
    console.error(`gongwen-seal ${command ?? ''}: ${(e as Error).message}`);
    return e instanceof UsageError ? 2 : 1;
  }
}
