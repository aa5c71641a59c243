/**
 * A labelled form field: the label tied to its control, an optional hint, and an error that the
 * control points at (aria-invalid, aria-describedby) — written once instead of by hand in every
 * form. The control comes from `children`, given the props to spread on it.
 */
import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { useT } from '../../i18n/i18n';

export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface FieldProps {
  label: ReactNode;
  /** The field's error, if any (replaces nothing: the hint stays). */
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

export function Field({ label, error, hint, optional, className, children }: FieldProps) {
  const t = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`field ${className ?? ''}`}>
      <label className="label" htmlFor={id}>
        {label}
        {optional ? <span className="optional"> {t('common.optional')}</span> : null}
      </label>
      {children({
        id,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'aria-invalid' | 'aria-describedby'
>;

/** A Field whose control is one input: the Field's props, and the input's own passed through. */
export function InputField({
  label,
  error,
  hint,
  optional,
  ...input
}: Omit<FieldProps, 'className' | 'children'> & InputProps) {
  return (
    <Field label={label} error={error} hint={hint} optional={optional}>
      {(control) => <input {...control} {...input} />}
    </Field>
  );
}

/** A password box in a Field; the input's own props (value, autoComplete...) pass through. */
export function PasswordField(
  props: Omit<FieldProps, 'className' | 'children'> & Omit<InputProps, 'type' | 'className'>,
) {
  return <InputField {...props} className="input" type="password" />;
}
