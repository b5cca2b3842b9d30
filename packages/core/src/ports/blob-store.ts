/** Metadata of a stored blob (a document body, attachment or generated file). */
export interface BlobInfo {
  key: string;
  size: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  contentType: string;
  name: string;
}

/** Port for document bodies and attachments. */
export interface BlobStore {
  /** Stores a copy of the bytes and returns their key and digest; ValidationFailed for anything but a Uint8Array. */
  put(bytes: Uint8Array, meta: { contentType: string; name: string }): Promise<BlobInfo>;
  /** Reads a blob's bytes; throws NotFound for an unknown key. */
  get(key: string): Promise<Uint8Array>;
  /** Reads a blob's metadata, or null for an unknown key. */
  stat(key: string): Promise<BlobInfo | null>;
  /** Removes a blob; removing an unknown key is not an error. */
  delete(key: string): Promise<void>;
}
