/**
 * A row of radio buttons drawn as one segmented control (the check-in's status, a chart's
 * period): a fieldset with its legend, each choice a label around its radio.
 */
import type { ReactNode } from 'react';

export interface Segment<T extends string> {
  value: T;
  label: ReactNode;
}

interface SegmentedProps<T extends string> {
  legend: ReactNode;
  /** Shown as a field label, or only to screen readers (the default). */
  legendVisible?: boolean;
  /** The radios' name: unique on the page (from useId). */
  name: string;
  options: readonly Segment<T>[];
  value: T;
  onChange: (value: T) => void;
  className?: string;
}

export function Segmented<T extends string>({
  legend,
  legendVisible = false,
  name,
  options,
  value,
  onChange,
  className,
}: SegmentedProps<T>) {
  return (
    <fieldset className={className ? `segmented ${className}` : 'segmented'}>
      <legend className={legendVisible ? 'label' : 'sr-only'}>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="segment">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
