import type { ReactNode } from 'react';

/** A form's closing row: its buttons pushed to the end. */
export function FormActions({ children }: { children: ReactNode }) {
  return (
    <div className="form-actions">
      <span className="spacer" />
      {children}
    </div>
  );
}
