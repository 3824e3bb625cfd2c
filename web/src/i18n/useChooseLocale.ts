import { useCallback } from 'react';
import type { User } from '../api/types';
import { usersApi } from '../api/users';
import { useAuth } from '../auth/context';
import { setLocale } from './index';
import type { Locale } from './locales';

/**
 * Switches the app to a language and remembers it on this browser; signed in, it is also saved
 * as the user's `locale` (so other devices and the mails follow). Resolves with the saved user.
 */
export function useChooseLocale(): (locale: Locale) => Promise<User | null> {
  const { user, updateUser } = useAuth();
  return useCallback(
    async (locale: Locale) => {
      await setLocale(locale, { remember: true });
      if (!user) return null;
      const updated = await usersApi.updateMe({ locale });
      updateUser(updated);
      return updated;
    },
    [user, updateUser],
  );
}
