import { Link } from 'react-router-dom';
import { t } from '../i18n';
import { pageWindow } from '../lib/listQuery';

interface Props {
  page: number;
  last: number;
  /** href (search string) for a page number. */
  hrefFor: (page: number) => string;
  onNavigate?: (page: number) => void;
}

/** Numbered pagination: nav[aria-label], aria-current on the current page, real links. */
export function Pagination({ page, last, hrefFor, onNavigate }: Props) {
  if (last <= 1) return null;
  const go = (target: number) => () => onNavigate?.(target);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <ul className="pagination__list">
        {page > 1 && (
          <li>
            <Link
              className="pagination__link"
              to={hrefFor(page - 1)}
              onClick={go(page - 1)}
              rel="prev"
            >
              {t('pagination.previous')}
            </Link>
          </li>
        )}
        {pageWindow(page, last).map((item, i) =>
          item === 'gap' ? (
            <li key={`gap-${i}`} className="pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>
              <Link
                className="pagination__link"
                to={hrefFor(item)}
                onClick={go(item)}
                aria-current={item === page ? 'page' : undefined}
                aria-label={t('pagination.page', { n: item })}
              >
                {item}
              </Link>
            </li>
          ),
        )}
        {page < last && (
          <li>
            <Link
              className="pagination__link"
              to={hrefFor(page + 1)}
              onClick={go(page + 1)}
              rel="next"
            >
              {t('pagination.next')}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
