'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Card } from 'antd';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { emptyRegistration, RegistrationForm } from './registration-form';

/** 签收登记 page body: the form, then the new case's page. */
export function RegisterView() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [commandId] = useState(() => crypto.randomUUID());
  const register = useMutation(
    trpc.incoming.register.mutationOptions({
      onSuccess: async (r) => {
        message.success(`已签收登记，收文编号：${r.serialNo ?? ''}`);
        await queryClient.invalidateQueries(trpc.incoming.pathFilter());
        router.push(`/incoming/${encodeURIComponent(r.caseId)}`);
      },
      onError: (e) => message.error(e.message),
    }),
  );
  return (
    <Card title="签收登记" variant="borderless">
      <RegistrationForm
        defaultValues={emptyRegistration()}
        submitText="签收登记"
        submitting={register.isPending}
        onSubmit={(registration) => register.mutateAsync({ commandId, registration })}
      />
    </Card>
  );
}
