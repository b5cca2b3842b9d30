/**
 * The measures of the GB/T 9704-2012 layout as set in src/template (millimetres unless the
 * name says otherwise), for previews and tests.
 */
export const GBT9704_LAYOUT = {
  pageWidth: 210,
  pageHeight: 297,
  marginTop: 37,
  marginLeft: 28,
  marginRight: 26,
  /** Bottom margin of the text block: 24 mm to the page edge plus an 11 mm footer. */
  marginBottom: 35,
  textWidth: 156,
  textHeight: 225,
  linesPerPage: 22,
  charsPerLine: 28,
  /** Row pitch: 579 twips. */
  rowHeight: 10.21,
  /** Body characters: 16 pt with −0.25 pt letter spacing. */
  bodyFontPt: 16,
  titleFontPt: 22,
  /** The top of the 发文机关标志 lies this far below the top of the text block. */
  issuerMarkTop: 35,
  /** Suggested seal diameter. */
  sealDiameter: 42,
} as const;
