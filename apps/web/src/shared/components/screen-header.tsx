/**
 * A screen's header: its h1, which takes focus after an in-app navigation (the screen owns the
 * ref from `useHeadingFocus`, so the heading keeps it across loading and loaded), and what
 * follows the heading (a subtitle, an action).
 */
import type { ReactNode, RefObject } from 'react';

export function ScreenHeader({
  heading,
  title,
  className,
  children,
}: {
  heading: RefObject<HTMLHeadingElement | null>;
  title: ReactNode;
  /** Added to `screen-header`. */
  className?: string;
  children?: ReactNode;
}) {
  return (
    <header className={className ? `screen-header ${className}` : 'screen-header'}>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </header>
  );
}
