import { FormError } from './form-error';

/** What a screen shows until its data arrives: a placeholder card, or why the data did not come. */
export function LoadingCard({ error }: { error: string | null | undefined }) {
  return error ? (
    <FormError error={error} />
  ) : (
    <div className="card skeleton-card" aria-busy="true" />
  );
}
