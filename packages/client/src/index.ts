export {
  createGatehouseClient,
  type GatehouseClient,
  type GatehouseClientOptions,
  type MfaChallenge,
  type Tokens,
} from './client.js';
export { GatehouseApiError, unwrap } from './errors.js';
export type { components, operations, paths } from './schema.js';
export type { User, Session } from './types.js';
