import type { ColumnType, Kysely } from 'kysely';
import { type AppServices, db } from '~/server/app-types';
import type { AppDatabase } from '~/server/db/schema';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The tables of migration 0002-blobs-handwriting. */
export interface BlobHandwritingTables {
  /** Uploaded attachments: who uploaded them, and the case that refers to them (null until used). */
  app_blobs: {
    key: string;
    unit_id: string;
    uploaded_by: string;
    name: string;
    content_type: string;
    size: number;
    sha256: string;
    created_at: Timestamp;
    case_id: string | null;
  };
  /** 手写批注: strokes kept with the ledger entry written by `command_id`. */
  app_handwriting: {
    command_id: string;
    case_id: string;
    ledger_seq: number;
    user_id: string;
    strokes: ColumnType<unknown, string, string>;
    created_at: Timestamp;
  };
}

/** The typed Kysely view including the attachment and handwriting tables. */
export function idb(app: AppServices): Kysely<AppDatabase & BlobHandwritingTables> {
  return db(app) as unknown as Kysely<AppDatabase & BlobHandwritingTables>;
}
