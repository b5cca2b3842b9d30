import { createHash } from 'node:crypto';
import {
  type Clock,
  NotPermitted,
  type Sealer,
  type SealRequest,
  type SealResult,
  ValidationFailed,
} from '@gongwen/core';
import { describeCertificate } from './certificates.ts';
import { type SealAppearance, sealPdf } from './pdf-sign.ts';
import { checkPin } from './pin.ts';
import { loadPkcs12 } from './pkcs12.ts';
import { type SealSigner, softwareSigner } from './signer.ts';
import { type SealReport, verifySealedPdf } from './verify/index.ts';

/** One registered seal (印章): who may use it, its PIN hash and where its key is. */
export interface SealRecord {
  sealId: string;
  unitId: string;
  /** User ids holding the 盖章 permission for this seal. */
  holders: string[];
  /** From hashPin(); checked on every use. */
  pinHash: string;
  /** Server-kept PKCS#12 whose password is the PIN. Omit when holders bring their own. */
  pkcs12?: Uint8Array;
  /** The seal's certificate (DER); a holder-supplied PKCS#12 must contain exactly this one. */
  certificate?: Uint8Array;
  /** A hardware or remote signer used instead of a PKCS#12. */
  signer?: SealSigner;
  /** The visible seal; defaults to a round seal with the certificate's unit name. */
  appearance?: SealAppearance;
}

/** One line of the sealing log (用印登记). */
export interface SealLogEntry {
  at: Date;
  sealId: string;
  unitId: string;
  actorId: string;
  outcome: 'sealed' | 'refused';
  reason?: string;
  certificateSerial?: string;
  /** SHA-256 of the PDF before and after sealing. */
  inputSha256: string;
  outputSha256?: string;
}

/** Everything createSealer needs. */
export interface SealerOptions {
  seals: SealRecord[];
  /** Roots trusted by verify(). */
  trustAnchors: Array<Uint8Array | string>;
  crls?: Array<Uint8Array | string>;
  clock?: Clock;
  /** Called for every sealing attempt, granted or refused. */
  log: (entry: SealLogEntry) => void | Promise<void>;
  /** Wrong PINs in a row before a seal locks (default 5). */
  maxPinAttempts?: number;
}

/** The reference Sealer: holder and PIN checks, logging, sealing and offline verification. */
export interface SealService extends Sealer {
  /** verify() with each seal's field name and ByteRange. */
  verifyDetailed(pdf: Uint8Array): Promise<SealReport[]>;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Creates the `Sealer` port implementation over a registry of seals. */
export function createSealer(options: SealerOptions): SealService {
  const clock = options.clock ?? { now: () => new Date() };
  const maxAttempts = options.maxPinAttempts ?? 5;
  const failures = new Map<string, number>();
  const bySealId = new Map(options.seals.map((s) => [s.sealId, s]));

  async function refuse(req: SealRequest, reason: string): Promise<never> {
    await options.log({
      at: clock.now(),
      sealId: req.sealId,
      unitId: req.unitId,
      actorId: req.actorId,
      outcome: 'refused',
      reason,
      inputSha256: sha256(req.pdf),
    });
    throw new NotPermitted(reason, { sealId: req.sealId, actorId: req.actorId });
  }

  /** The signer for this sealing and the certificate it will sign with, when known. */
  async function signerFor(
    record: SealRecord,
    req: SealRequest,
  ): Promise<{ signer: SealSigner; certificate: Uint8Array | undefined }> {
    if (record.signer && !req.pkcs12)
      return { signer: record.signer, certificate: record.certificate };
    const p12 = req.pkcs12 ?? record.pkcs12;
    if (!p12) return refuse(req, '该印章没有可用的密钥，请提供印章证书文件');
    if (req.pkcs12 && !record.certificate)
      return refuse(req, '该印章未登记证书，不能使用自带的证书文件');
    let key: ReturnType<typeof loadPkcs12>;
    try {
      key = loadPkcs12(p12, req.pin);
    } catch {
      return refuse(req, '印章证书文件无法用该 PIN 打开');
    }
    if (record.certificate && Buffer.compare(key.certificate, record.certificate) !== 0) {
      return refuse(req, '证书文件与登记的印章证书不符');
    }
    return { signer: softwareSigner(key), certificate: key.certificate };
  }

  function appearanceFor(record: SealRecord, certificate: Uint8Array | undefined): SealAppearance {
    if (record.appearance) return record.appearance;
    const unitName = certificate && describeCertificate(certificate).commonName;
    if (!unitName)
      throw new ValidationFailed('印章未登记证书或印章图像', { sealId: record.sealId });
    return { kind: 'round', unitName };
  }

  const verifyDetailed = (pdf: Uint8Array): Promise<SealReport[]> =>
    verifySealedPdf(pdf, {
      trustAnchors: options.trustAnchors,
      ...(options.crls ? { crls: options.crls } : {}),
      at: clock.now(),
    });

  return {
    async seal(req) {
      const record = bySealId.get(req.sealId);
      if (!record || record.unitId !== req.unitId) return refuse(req, '印章不存在或不属于该单位');
      if (!record.holders.includes(req.actorId)) return refuse(req, '您没有该印章的盖章权限');
      if ((failures.get(record.sealId) ?? 0) >= maxAttempts) {
        return refuse(req, 'PIN 错误次数过多，印章已锁定');
      }
      if (!checkPin(req.pin, record.pinHash)) {
        failures.set(record.sealId, (failures.get(record.sealId) ?? 0) + 1);
        return refuse(req, 'PIN 不正确');
      }
      failures.delete(record.sealId);
      const { signer, certificate } = await signerFor(record, req);
      const appearance = appearanceFor(record, certificate);
      const sealedAt = clock.now();
      let sealed: Awaited<ReturnType<typeof sealPdf>>;
      try {
        sealed = await sealPdf(req.pdf, {
          signer,
          placement: req.placement,
          signingTime: sealedAt,
          reason: req.reason ?? '盖章',
          appearance,
        });
      } catch (e) {
        throw new ValidationFailed(`无法盖章：${(e as Error).message}`, { sealId: req.sealId });
      }
      const leaf = describeCertificate(sealed.certificates[0]!);
      await options.log({
        at: sealedAt,
        sealId: req.sealId,
        unitId: req.unitId,
        actorId: req.actorId,
        outcome: 'sealed',
        certificateSerial: leaf.serial,
        inputSha256: sha256(req.pdf),
        outputSha256: sha256(sealed.pdf),
      });
      return {
        pdf: sealed.pdf,
        sealedAt,
        certificateSerial: leaf.serial,
        signerName: leaf.commonName ?? '',
      } satisfies SealResult;
    },
    verifyDetailed,
    async verify(pdf) {
      const reports = await verifyDetailed(pdf);
      return reports.map(({ fieldName: _f, byteRange: _b, ...v }) => v);
    },
  };
}
