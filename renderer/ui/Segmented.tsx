// A row of mutually exclusive options built on real radio inputs: arrow keys, labels and form semantics
// come from the browser.
import type { ReactNode } from 'react';

export interface SegmentedOption<V extends string> {
  value: V;
  label: ReactNode;
  testId?: string;
}

export interface SegmentedProps<V extends string> {
  name: string;
  value: V;
  options: ReadonlyArray<SegmentedOption<V>>;
  onChange: (value: V) => void;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  id?: string;
}

export function Segmented<V extends string>({ name, value, options, onChange, id, ...aria }: SegmentedProps<V>) {
  return (
    <div className="segmented" role="radiogroup" id={id} {...aria}>
      {options.map((option) => (
        <label key={option.value} className={`segment${option.value === value ? ' selected' : ''}`} data-testid={option.testId}>
          <input type="radio" name={name} value={option.value} checked={option.value === value} onChange={() => onChange(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}
