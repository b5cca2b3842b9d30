/** Where the visible seal goes: page index (0-based) and the seal's centre in PDF points. */
export interface SealPlacement {
  page: number;
  /** Centre x in PDF points from the left edge. */
  x: number;
  /** Centre y in PDF points from the bottom edge. */
  y: number;
  /** Diameter in PDF points (GB/T 9704 seals are about 42 mm ≈ 119 pt). */
  size?: number;
}

/** One request to seal a PDF with a unit's electronic official seal (电子公章). */
export interface SealRequest {
  /** The unit (单位) whose seal is used. */
  unitId: string;
  /** Which of the unit's seals (a unit may hold several). */
  sealId: string;
  /** The user applying the seal; must hold the 盖章 permission for `sealId`. */
  actorId: string;
  /** The unsealed (or already partly sealed) PDF. */
  pdf: Uint8Array;
  placement: SealPlacement;
  /** The seal's PIN, required on every use. */
  pin: string;
  /** A PKCS#12 supplied by the holder at sealing time instead of a server-kept key. */
  pkcs12?: Uint8Array;
  /** Reason written into the signature dictionary. */
  reason?: string;
}

/** What a successful sealing produced. */
export interface SealResult {
  pdf: Uint8Array;
  sealedAt: Date;
  /** Hex serial of the seal certificate. */
  certificateSerial: string;
  /** The unit name in the certificate subject. */
  signerName: string;
}

/** The verdict on one seal found in a PDF. */
export interface SealVerification {
  signerName: string | null;
  certificateSerial: string | null;
  signingTime: Date | null;
  /** The signed byte ranges reach the end of the file (nothing appended afterwards). */
  coversWholeDocument: boolean;
  /** The digest over the signed ranges matches the signature. */
  intact: boolean;
  /** The certificate chains to one of the trust anchors. */
  trusted: boolean;
  revoked: boolean;
  /** SHA-256 (hex) of the visible seal image, or null when none was found. */
  imageSha256: string | null;
  /**
   * Overall verdict: intact, trusted, not revoked, and nothing was added after it except
   * further valid seals (联合行文: each unit's seal verifies on its own, so an earlier seal
   * stays valid although `coversWholeDocument` is false for it).
   */
  valid: boolean;
  /** Human-readable reasons when not valid. */
  problems: string[];
}

/** Port for applying and checking electronic seals; `@gongwen/seal` is the reference implementation. */
export interface Sealer {
  /** Seals `req.pdf`; throws NotPermitted for a wrong holder or PIN. */
  seal(req: SealRequest): Promise<SealResult>;
  /** Verifies every seal in `pdf` offline; never throws on malformed input. */
  verify(pdf: Uint8Array): Promise<SealVerification[]>;
}
