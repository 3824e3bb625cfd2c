import { useEffect, useRef, type MouseEvent } from 'react';
import { t } from '../i18n';
import type { SummaryItem } from '../hooks/useForm';

interface Props {
  items: SummaryItem[];
  general: string | null;
  /** Changes on every failed submit so focus moves to the summary again. */
  focusKey: number;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  // Bring the label into view too (GOV.UK error summary behaviour).
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (label ?? target).scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

/** "There is a problem": takes focus, links to each invalid field (GOV.UK error summary). */
export function ErrorSummary({ items, general, focusKey }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = items.length > 0 || Boolean(general);

  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);

  if (!visible) return null;
  return (
    <div ref={ref} className="error-summary" tabIndex={-1}>
      <h2 className="error-summary__title">{t('error.summary.title')}</h2>
      {general && <p className="error-summary__text">{general}</p>}
      {items.length > 0 && (
        <ul className="error-summary__list">
          {items.map((item) => (
            <li key={item.id}>
              <a href={`#${item.id}`} onClick={(event) => focusField(event, item.id)}>
                {item.text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
