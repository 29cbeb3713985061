import { type FormErrors, type UseFormReturnType, useForm } from '@mantine/form';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from '../../api/errors';
import { CASEWORK_NS } from '../../app/i18n/namespaces';
import { issuePath, translateIssue } from './translateIssue';

type Values = Record<string, unknown>;

/** The key of an error that belongs to no field (a rule over the whole input). */
export const FORM_ERROR = '_form';

export interface SchemaFormOptions<S extends z.ZodType, V extends Values> {
  /** The shared zod schema the route validates with: the browser checks the same rules first. */
  schema: S;
  /** The form's state: shaped like the schema's input, with '' for what is not filled in. */
  initialValues: V;
  /** The form's state → the schema's input. By default blank strings are left out. */
  toInput?: (values: V) => unknown;
  /** Sends the parsed value. A rejection with the API's field errors shows them at their inputs. */
  onSubmit: (value: z.output<S>) => unknown;
}

export type SchemaForm<V extends Values, O = V> = UseFormReturnType<V, O> & {
  /** The `onSubmit` of the <form>. */
  submit: (event?: FormEvent<HTMLFormElement>) => void;
  /** The last failed submit's error (for the alert), until the next submit. */
  serverError: unknown;
  /** The fields that have an input on the page (their messages are shown there). */
  shownFields: readonly string[];
  /** Messages of the browser's check that no input shows (a rule across fields, a list's length). */
  unshownErrors: readonly string[];
};

/** Blank strings (and the empty value of a number input) are left out, at any depth. */
export function blankToUndefined(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) return value.map(blankToUndefined);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, blankToUndefined(item)]));
  }
  return value;
}

const covers = (field: string, path: string) => path === field || path.startsWith(`${field}.`);

/**
 * The one form hook: @mantine/form state, checked in the browser with the route's shared zod
 * schema (messages in the user's language), the API's `fields: [{ path, message }]` mapped onto
 * the same inputs, and the focus moved to the first invalid field after a failed submit.
 *
 *   const form = useSchemaForm({ schema: StatusChange, initialValues, onSubmit: (body) => save.mutateAsync(body) });
 *   <form onSubmit={form.submit} noValidate>  <TextInput {...form.getInputProps('reason')} />  <SchemaFormAlert form={form} />
 */
export function useSchemaForm<S extends z.ZodType, V extends Values>({
  schema,
  initialValues,
  toInput = blankToUndefined,
  onSubmit,
}: SchemaFormOptions<S, V>): SchemaForm<V, z.output<S>> {
  const { t } = useTranslation();
  const { t: tc } = useTranslation(CASEWORK_NS);
  const [serverError, setServerError] = useState<unknown>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formElement = useRef<HTMLFormElement | null>(null);
  const shown = useRef(new Set<string>());

  const form = useForm<V, z.output<S>>({
    initialValues,
    validate: (values: V): FormErrors => {
      const result = schema.safeParse(toInput(values));
      if (result.success) return {};
      const errors: FormErrors = {};
      for (const issue of result.error.issues)
        errors[issuePath(issue) || FORM_ERROR] ??= translateIssue(issue, t, tc);
      return errors;
    },
    transformValues: (values) => schema.parse(toInput(values)),
    // A message for `partners.0` (or from the server for `scope.1`) shows at the input of `partners`/`scope`.
    enhanceGetInputProps: ({ field, inputProps, form: current }) => {
      shown.current.add(String(field));
      if (inputProps.error) return undefined;
      const deeper = Object.keys(current.errors).find((path) => path.startsWith(`${String(field)}.`));
      return deeper ? { error: current.errors[deeper] } : undefined;
    },
  });

  // After the errors are on the page: the first invalid field, in the order of the page. Only a
  // new failed submit moves the focus, not every change of the errors.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each focus request only
  useEffect(() => {
    if (focusRequest === 0) return;
    const paths = Object.keys(form.errors);
    const scope: ParentNode = formElement.current ?? document;
    const node = [...scope.querySelectorAll<HTMLElement>('[data-path]')].find((candidate) =>
      paths.some((path) => covers(candidate.dataset.path ?? '', path)),
    );
    const focusable = node?.matches('input, select, textarea, button')
      ? node
      : node?.querySelector<HTMLElement>('input:not([disabled]), select, textarea, button');
    focusable?.focus();
  }, [focusRequest]);

  const requestFocus = () => setFocusRequest((n) => n + 1);

  const submit = (event?: FormEvent<HTMLFormElement>) => {
    if (event) formElement.current = event.currentTarget;
    setServerError(null);
    form.onSubmit(async (value) => {
      try {
        await onSubmit(value);
      } catch (error) {
        setServerError(error);
        if (isApiError(error) && error.fields.length > 0) {
          const errors: FormErrors = {};
          for (const field of error.fields) errors[field.path || FORM_ERROR] ??= field.message;
          form.setErrors(errors);
        }
        requestFocus();
      }
    }, requestFocus)(event);
  };

  const shownFields = [...shown.current];
  const unshownErrors = isApiError(serverError)
    ? []
    : Object.entries(form.errors)
        .filter(([path]) => !shownFields.some((field) => covers(field, path)))
        .map(([, message]) => String(message));

  return { ...form, submit, serverError, shownFields, unshownErrors };
}
