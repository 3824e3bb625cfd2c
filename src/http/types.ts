import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';

/** The Fastify instance with TypeBox-typed routes. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression<RawServerDefault>,
  RawReplyDefaultExpression<RawServerDefault>,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/**
 * One feature of the service, built by its factory from the few dependencies it uses. buildApp
 * registers every feature's routes, then starts them in order, and stops them in reverse on close.
 */
export interface Feature {
  /** Registers the feature's routes and request hooks. */
  routes(app: App): void | Promise<void>;
  /** Starts background work (workers, timers) once every route is registered. */
  start?(): void | Promise<void>;
  /** Stops it, waiting for work under way, before the shared resources close. */
  stop?(): void | Promise<void>;
}
