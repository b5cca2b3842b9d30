'use client';

import { App } from 'antd';
import { useCallback } from 'react';
import { confirmationOf } from './action-order';

/**
 * Asks before a destructive action (退回, 驳回, 作废, 撤回 — see `action-order.ts`) is sent:
 * resolves true at once for other actions, and for a destructive one when the user confirms.
 * A cancelled confirmation sends nothing and leaves the form as it was.
 */
export function useConfirmAction(): (type: string, title: string) => Promise<boolean> {
  const { modal } = App.useApp();
  return useCallback(
    async (type, title) => {
      const c = confirmationOf(type, title);
      if (!c) return true;
      const confirmed = await modal.confirm({
        title: c.title,
        content: c.content,
        okText: c.okText,
        cancelText: '取消',
        okButtonProps: { danger: true, 'data-testid': 'confirm-action-ok' } as never,
        cancelButtonProps: { 'data-testid': 'confirm-action-cancel' } as never,
      });
      return confirmed === true;
    },
    [modal],
  );
}
