import { createCaseLists } from '@gongwen/adapters';
import type { CaseLists, TextSearch } from '@gongwen/core';
import type { AppServices } from '~/server/app-types';

/** The `CaseLists` port on the app's store: the one way list services read cases and tasks. */
export function caseListsOf(app: Pick<AppServices, 'store'>): CaseLists {
  return createCaseLists(app.store.kysely);
}

/** The header fields a 文号 search reads besides the title: 文号, 来文字号, 收文编号. */
export const DOC_NUMBER_FIELDS = ['docNumber', 'senderDocNumber', 'serialNo'] as const;

/** A search of the title or a 文号 for `text`, or nothing when there is no text. */
export function titleOrDocNumber(text: string | undefined): { search?: TextSearch } {
  return text ? { search: { text, fields: DOC_NUMBER_FIELDS } } : {};
}
