/** The registry name of the 发文 workflow (a leaf, so that helpers need not import the definition). */
export const OUTGOING_WORKFLOW = 'outgoing';
