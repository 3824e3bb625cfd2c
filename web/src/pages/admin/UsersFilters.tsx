import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Role, UserListQuery } from '../../api/types';
import { t, type MessageKey } from '../../i18n';
import { PAGE_SIZES, SORT_OPTIONS, type SortOption } from '../../lib/listQuery';

type Query = UserListQuery & { sortOption: SortOption };

interface Props {
  query: Query;
  onChange: (change: Partial<Query>, replace?: boolean) => void;
}

const DEBOUNCE_MS = 300;

/** Server-side search (debounced + Enter), role filter, sort and page size. */
export function UsersFilters({ query, onChange }: Props) {
  const [draft, setDraft] = useState(query.search ?? '');
  const timer = useRef<number | undefined>(undefined);

  // Follow the URL when it changes underneath (back/forward, "Clear search").
  useEffect(() => {
    setDraft((current) =>
      current.trim() === (query.search ?? '') ? current : (query.search ?? ''),
    );
  }, [query.search]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const commit = (value: string, replace: boolean) => {
    window.clearTimeout(timer.current);
    const search = value.trim() || undefined;
    if (search !== query.search) onChange({ search }, replace);
  };

  const onInput = (value: string) => {
    setDraft(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => commit(value, true), DEBOUNCE_MS);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    commit(draft, false);
  };

  return (
    <div className="filters">
      <form role="search" className="filters__search" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="user-search" className="field__label">
            {t('admin.users.search')}
          </label>
          <div className="search-row">
            <input
              id="user-search"
              name="search"
              type="search"
              className="input"
              spellCheck={false}
              autoComplete="off"
              value={draft}
              onChange={(event) => onInput(event.target.value)}
            />
            <button type="submit" className="button button--secondary">
              {t('admin.users.searchButton')}
            </button>
            {draft && (
              <button
                type="button"
                className="button button--ghost"
                onClick={() => {
                  setDraft('');
                  commit('', false);
                }}
              >
                {t('admin.users.clear')}
              </button>
            )}
          </div>
        </div>
      </form>
      <div className="filters__selects">
        <div className="field">
          <label htmlFor="user-role" className="field__label">
            {t('admin.users.role')}
          </label>
          <select
            id="user-role"
            className="select"
            value={query.role ?? ''}
            onChange={(event) =>
              onChange({ role: (event.target.value || undefined) as Role | undefined })
            }
          >
            <option value="">{t('admin.users.role.all')}</option>
            <option value="admin">{t('role.admin')}</option>
            <option value="user">{t('role.user')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-sort" className="field__label">
            {t('admin.users.sort')}
          </label>
          <select
            id="user-sort"
            className="select"
            value={query.sortOption}
            onChange={(event) => {
              const sortOption = event.target.value as SortOption;
              const [sort, order] = sortOption.split('.') as [Query['sort'], Query['order']];
              onChange({ sortOption, sort, order });
            }}
          >
            {SORT_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {t(`admin.users.sort.${option}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-limit" className="field__label">
            {t('admin.users.limit')}
          </label>
          <select
            id="user-limit"
            className="select"
            value={query.limit}
            onChange={(event) => onChange({ limit: Number(event.target.value) })}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}
