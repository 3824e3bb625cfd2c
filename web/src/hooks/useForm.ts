import { useCallback, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/errors';
import { t, type MessageKey } from '../i18n';
import { errorText, fieldErrorText } from '../lib/errorCopy';
import { useCountdown } from './useCountdown';
import { useFormErrorTitle } from './usePageTitle';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface SummaryItem {
  id: string;
  text: string;
}

export interface FieldState {
  id: string;
  error: string | undefined;
}

export interface SubmitOptions<F extends string> {
  /** Client checks; return message keys per field. Runs before any request. */
  validate?: (data: FormData) => Partial<Record<F, MessageKey | null>>;
  /** Page-specific handling; return true when the error was dealt with. */
  onError?: (error: unknown) => boolean;
}

/**
 * Form state per the UK validation pattern: field errors + summary, one request per click
 * burst (a ref, not state, guards re-entry), and a Retry-After countdown on 429.
 * `fieldIds` maps API field names to input ids, in on-page order.
 */
export function useForm<F extends string>(fieldIds: Record<F, string>) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<F>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const [pending, setPending] = useState(false);
  const pendingRef = useRef(false);
  const rate = useCountdown();
  const fieldNames = Object.keys(fieldIds) as F[];

  const showErrors = useCallback((fields: FieldErrors<F>, message: string | null = null) => {
    setFieldErrors(fields);
    setGeneral(message);
    setFocusKey((k) => k + 1);
  }, []);

  const clearErrors = useCallback(() => {
    setFieldErrors({});
    setGeneral(null);
    rate.stop();
  }, [rate]);

  /** Maps an API error onto fields/summary; returns nothing, always shows something. */
  const showApiError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.code === 'RATE_LIMITED' && error.retryAfter) {
        rate.start(error.retryAfter);
        showErrors({}, null);
        return;
      }
      const fields: FieldErrors<F> = {};
      let unmatched: string | null = null;
      if (error instanceof ApiError) {
        for (const [name, text] of Object.entries(error.errors)) {
          if (name in fieldIds) fields[name as F] = fieldErrorText(error, name, text);
          else unmatched ??= text;
        }
      }
      const hasFields = Object.keys(fields).length > 0;
      showErrors(fields, hasFields ? unmatched : (unmatched ?? errorText(error)));
    },
    [fieldIds, rate, showErrors],
  );

  const onSubmit = useCallback(
    (
      handler: (data: FormData, form: HTMLFormElement) => Promise<void> | void,
      options: SubmitOptions<F> = {},
    ) =>
      async (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        if (pendingRef.current || rate.active) return;
        const form = event.currentTarget;
        // Read FormData, not React state: password managers may fill without input events.
        const data = new FormData(form);
        const invalid: Partial<Record<F, MessageKey | null>> = options.validate?.(data) ?? {};
        const keys = (Object.keys(invalid) as F[]).filter((key) => invalid[key]);
        if (keys.length > 0) {
          const fields: FieldErrors<F> = {};
          for (const key of keys) fields[key] = t(invalid[key] as MessageKey);
          rate.stop();
          showErrors(fields);
          return;
        }
        pendingRef.current = true;
        setPending(true);
        try {
          await handler(data, form);
          setFieldErrors({});
          setGeneral(null);
        } catch (error) {
          if (!options.onError?.(error)) showApiError(error);
        } finally {
          pendingRef.current = false;
          setPending(false);
        }
      },
    [rate, showErrors, showApiError],
  );

  const formId = useId();
  const generalText = rate.active ? t('error.rateLimited', { seconds: rate.remaining }) : general;
  const items: SummaryItem[] = useMemo(() => {
    const list: SummaryItem[] = [];
    const seen = new Set<string>();
    for (const name of fieldNames) {
      const text = fieldErrors[name];
      // One link per distinct message (sign-in marks both fields with one generic message).
      if (text && !seen.has(text)) {
        seen.add(text);
        list.push({ id: fieldIds[name], text });
      }
    }
    return list;
    // Recomputed when errors or the field map change (fieldNames derives from fieldIds).
  }, [fieldErrors, fieldIds]);

  const hasErrors = items.length > 0 || Boolean(generalText);
  useFormErrorTitle(formId, hasErrors);

  const field = (name: F): FieldState => ({ id: fieldIds[name], error: fieldErrors[name] });

  return {
    field,
    items,
    general: generalText,
    hasErrors,
    focusKey,
    pending,
    rateLimited: rate.active,
    onSubmit,
    showErrors,
    showApiError,
    clearErrors,
  };
}

export type FormApi<F extends string> = ReturnType<typeof useForm<F>>;
