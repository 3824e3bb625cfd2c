import { useState } from 'react';
import { t } from '../i18n';

export type ThemeChoice = 'light' | 'dark' | 'system';
const STORAGE_KEY = 'gatehouse-theme';

function readChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

/** Same logic as public/theme.js, which applies the choice before first paint. */
function applyChoice(choice: ThemeChoice): void {
  const root = document.documentElement;
  try {
    if (choice === 'system') window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Not persisted in private mode; still applied for this page.
  }
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

const choices: ThemeChoice[] = ['light', 'dark', 'system'];

/** Light / Dark / System as a radio group (a segmented control visually). */
export function ThemeSwitcher() {
  const [choice, setChoice] = useState<ThemeChoice>(readChoice);
  return (
    <fieldset className="theme-switch">
      <legend className="theme-switch__legend">{t('theme.legend')}</legend>
      <div className="theme-switch__options">
        {choices.map((value) => (
          <div key={value} className="theme-switch__option">
            <input
              id={`theme-${value}`}
              className="radio"
              type="radio"
              name="theme"
              value={value}
              checked={choice === value}
              onChange={() => {
                setChoice(value);
                applyChoice(value);
              }}
            />
            <label htmlFor={`theme-${value}`}>{t(`theme.${value}`)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
