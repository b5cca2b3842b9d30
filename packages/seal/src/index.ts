/** @gongwen/seal: electronic official seals (电子公章) for PDF documents. */

/** Unit CA and seal certificates (node-forge), DER helpers for certificates. */
export {
  type CaOptions,
  type CertifiedKey,
  certificatePem,
  createUnitCa,
  describeCertificate,
  issueSealCertificate,
  readCertificates,
  type SealCertificateOptions,
} from './certificates.ts';
/** Certificate revocation lists. */
export { type CrlOptions, createCrl, crlPem, type RevokedEntry } from './crl.ts';
/** Sealing a PDF with an incremental update. */
export {
  DEFAULT_SEAL_SIZE,
  type PdfPlacement,
  type SealAppearance,
  type SealedPdf,
  type SealPdfOptions,
  sealPdf,
} from './pdf-sign.ts';
/** PIN hashing for seal records. */
export { checkPin, hashPin } from './pin.ts';
/** Password-protected PKCS#12 bundles. */
export { loadPkcs12, savePkcs12 } from './pkcs12.ts';
/** The seal image. */
export { loadSealFont } from './seal-font.ts';
export { type RoundSealDesign, roundSealContent } from './seal-image.ts';
/** The Sealer port implementation. */
export {
  createSealer,
  type SealerOptions,
  type SealLogEntry,
  type SealRecord,
  type SealService,
} from './sealer.ts';
/** The signing port for software keys, UKeys, HSMs and SM2 signers. */
export { type SealSigner, type SignerOutput, softwareSigner } from './signer.ts';
/** Offline verification without node-forge. */
export { type SealReport, type VerifyOptions, verifySealedPdf } from './verify/index.ts';
