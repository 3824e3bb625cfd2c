/** Shapes of the API contract (the server's OpenAPI document, `GET /api/openapi.json`). */

/**
 * The server's error catalogue, taken from its source (type only: nothing of the server is
 * bundled). A code the server does not have is a type error here, not a silent mismatch.
 */
export type { ErrorCode as ServerErrorCode } from '../../../src/errors/codes';

export type Role = 'user' | 'admin';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  email_verified: boolean;
  created_at: string;
  updated_at: string;
  last_login_at?: string | null;
}

export interface TokenData {
  access_token: string;
  token_type: string;
  expires_in: number;
  user: User;
}

export interface Session {
  id: number | string;
  created_at: string;
  last_used_at: string | null;
  ip: string | null;
  user_agent: string | null;
  current: boolean;
}

export interface AuditEvent {
  id: number | string;
  type: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  details: unknown;
}

export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}

export type SortField = 'created_at' | 'email' | 'name' | 'last_login_at';
export type SortOrder = 'asc' | 'desc';

export interface UserListQuery {
  page: number;
  limit: number;
  search?: string;
  role?: Role;
  sort?: SortField;
  order?: SortOrder;
}

export interface UserUpdate {
  name?: string;
  email?: string;
  password?: string;
  current_password?: string;
  role?: Role;
}
