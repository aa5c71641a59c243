import { type ReactNode, useId } from 'react';

/** A card of a form screen: a region named by its h2 title. */
export function FormCard({
  title,
  className,
  testId,
  children,
}: {
  title: ReactNode;
  /** Added to `card form-section`. */
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section
      className={className ? `card form-section ${className}` : 'card form-section'}
      aria-labelledby={id}
      data-testid={testId}
    >
      <h2 id={id} className="card-title">
        {title}
      </h2>
      {children}
    </section>
  );
}
