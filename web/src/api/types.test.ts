import { describe, expect, it } from 'vitest';
import type { Application } from './clients';
import type { Interaction } from './oidc';
import type {
  AuditEvent,
  Page,
  Session,
  TokenData,
  User,
  UserListQuery,
  UserUpdate,
} from './types';

type IsNever<T> = [T] extends [never] ? true : false;
type IsAny<T> = 0 extends 1 & T ? true : false;
/** Compiles only when T is a real shape: not `never` (a path or method the server does not have) and not `any`. */
type Concrete<T> = IsNever<T> extends true ? false : IsAny<T> extends true ? false : true;

describe('API shapes taken from @gatehouse/client', () => {
  it('are concrete types, so a server change that breaks a page fails `npm run typecheck`', () => {
    const concrete: Array<true> = [
      true satisfies Concrete<User>,
      true satisfies Concrete<TokenData>,
      true satisfies Concrete<Session>,
      true satisfies Concrete<AuditEvent>,
      true satisfies Concrete<Page<User>>,
      true satisfies Concrete<UserListQuery>,
      true satisfies Concrete<UserUpdate>,
      true satisfies Concrete<Application>,
      true satisfies Concrete<Interaction>,
    ];
    expect(concrete).not.toContain(false);
  });

  it('follow the contract field by field', () => {
    // @ts-expect-error the contract's user has no `password_hash`
    const leaked: User['password_hash'] = 'x';
    // @ts-expect-error roles are the contract's two, not any string
    const role: User['role'] = 'superuser';
    expect([leaked, role]).toHaveLength(2);
  });
});
