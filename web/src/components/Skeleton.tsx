import { t } from '../i18n';

/** Placeholder rows shaped like the content, with a hidden "Loading…" for screen readers. */
export function Skeleton({
  lines = 3,
  label = t('app.loading'),
}: {
  lines?: number;
  label?: string;
}) {
  return (
    <div className="skeleton" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton__line" aria-hidden="true" />
      ))}
    </div>
  );
}
