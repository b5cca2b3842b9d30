'use client';

import { Form } from 'antd';
import type { ReactElement } from 'react';
import {
  type Control,
  Controller,
  type ControllerRenderProps,
  type FieldPath,
  type FieldValues,
  type UseFormSetError,
} from 'react-hook-form';

/** An antd Form.Item bound to a react-hook-form field, showing its zod error in Chinese. */
export function FormField<T extends FieldValues, N extends FieldPath<T>>(props: {
  control: Control<T>;
  name: N;
  label: string;
  required?: boolean;
  extra?: string;
  render: (field: ControllerRenderProps<T, N>) => ReactElement;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <Form.Item
          label={props.label}
          required={props.required}
          extra={props.extra}
          validateStatus={fieldState.error ? 'error' : undefined}
          help={fieldState.error?.message}
        >
          {props.render(field)}
        </Form.Item>
      )}
    />
  );
}

/**
 * Puts a tRPC error's field errors (from the server's errorFormatter) on the form's fields;
 * returns true when at least one field took a message.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): boolean {
  const fieldErrors = (error as { data?: { fieldErrors?: Record<string, string[]> | null } }).data
    ?.fieldErrors;
  let applied = false;
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    if (fields.includes(path) && messages[0]) {
      setError(path as FieldPath<T>, { type: 'server', message: messages[0] });
      applied = true;
    }
  }
  return applied;
}
