// Generated from Gatehouse's OpenAPI document by `npm run generate -w @gatehouse/client`.
// Do not edit: test/sdk/client-schema.test.ts fails when this file and the server drift apart.

export interface paths {
  '/.well-known/jwks.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Public keys that verify access tokens */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/.well-known/openid-configuration': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** OpenID Connect discovery document */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    /** OpenID Connect discovery document */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    /** OpenID Connect discovery document */
    head: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    patch?: never;
    trace?: never;
  };
  '/api/admin/clients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Registered applications */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-9'][];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    /** Register an application (the secret is shown once) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            first_party?: boolean;
            grant_types?: ('authorization_code' | 'refresh_token' | 'client_credentials')[];
            id_token_signed_response_alg?: 'RS256' | 'EdDSA';
            name: string;
            post_logout_redirect_uris?: string[];
            public?: boolean;
            redirect_uris: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-9'] & {
                /** @description Shown once, at creation; only its hash is stored */
                client_secret?: string;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/clients/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One registered application */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-9'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    /** Change an application */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            first_party?: boolean;
            grant_types?: ('authorization_code' | 'refresh_token' | 'client_credentials')[];
            id_token_signed_response_alg?: 'RS256' | 'EdDSA';
            name?: string;
            post_logout_redirect_uris?: string[];
            redirect_uris?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-9'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    post?: never;
    /** Delete an application and everything issued to it */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/organizations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every organization (admin): paginated, searchable by name */
    get: {
      parameters: {
        query: {
          /** @description Page size; values above 100 are treated as 100 */
          limit: number;
          page: number;
          /** @description Case-insensitive substring of the name */
          search?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                items: components['schemas']['def-8'][];
                limit: number;
                page: number;
                total: number;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/providers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sign-in providers (secrets are never shown) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description The redirect URI to register at the provider */
                callback_url: string;
                client_id: string;
                id: string;
                issuer: string | null;
                name: string;
                preset: string;
                scopes: string;
                /** @description env = SOCIAL_PROVIDERS (read-only here); admin = added by the CLI or admin API */
                source: 'env' | 'admin';
                store_tokens: boolean;
              }[];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    /** Add a sign-in provider (its client secret is sealed at rest) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            client_id: string;
            /** @description Sealed at rest */
            client_secret?: string;
            /** @description Overrides of the preset's endpoints (github: api is the REST API base) */
            endpoints?: {
              api?: string;
              authorization?: string;
              token?: string;
              userinfo?: string;
            };
            /** @description Slug used in /api/auth/oauth/:provider/…: a-z, 0-9 and dashes, up to 40 */
            id: string;
            /** @description oidc: the issuer (discovery is read from it) */
            issuer?: string;
            /** @description Shown as "Continue with <name>" */
            name?: string;
            /** @description oidc = any issuer with discovery; the others fill in their endpoints */
            preset: 'oidc' | 'google' | 'microsoft' | 'github';
            /** @description Space-separated; default the preset's */
            scopes?: string;
            /** @description Keep the provider's tokens (sealed); default false */
            store_tokens?: boolean;
            /** @description microsoft: the directory (tenant) id or domain */
            tenant?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description The redirect URI to register at the provider */
                callback_url: string;
                client_id: string;
                id: string;
                issuer: string | null;
                name: string;
                preset: string;
                scopes: string;
                /** @description env = SOCIAL_PROVIDERS (read-only here); admin = added by the CLI or admin API */
                source: 'env' | 'admin';
                store_tokens: boolean;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/providers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a provider added at run time (linked accounts stay until unlinked) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Slug used in /api/auth/oauth/:provider/…: a-z, 0-9 and dashes, up to 40 */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Webhook endpoints */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-10'][];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    /** Register a webhook endpoint (its signing secret is shown once) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description?: string;
            enabled?: boolean;
            event_types: (
              | 'user.created'
              | 'user.updated'
              | 'user.deleted'
              | 'user.email_verified'
              | 'session.created'
              | 'session.revoked'
              | 'password.changed'
              | 'mfa.enabled'
              | 'mfa.disabled'
              | 'organization.created'
              | 'organization.deleted'
              | 'organization.member_added'
              | 'organization.member_removed'
            )[];
            /** @description http(s) URL; refused when it resolves to a loopback, private or metadata address */
            url: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-10'] & {
                /** @description Signing secret (`whsec_...`), shown once, at creation */
                secret: string;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One webhook endpoint */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Endpoint id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-10'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    /** Change a webhook endpoint (enabling it again clears its failure history) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Endpoint id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description?: string;
            enabled?: boolean;
            event_types?: (
              | 'user.created'
              | 'user.updated'
              | 'user.deleted'
              | 'user.email_verified'
              | 'session.created'
              | 'session.revoked'
              | 'password.changed'
              | 'mfa.enabled'
              | 'mfa.disabled'
              | 'organization.created'
              | 'organization.deleted'
              | 'organization.member_added'
              | 'organization.member_removed'
            )[];
            /** @description http(s) URL; refused when it resolves to a loopback, private or metadata address */
            url?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-10'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    post?: never;
    /** Remove a webhook endpoint and its delivery log */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Endpoint id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The delivery log of an endpoint, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          /** @description Endpoint id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-11'][];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a delivery again, now (same webhook-id) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Delivery id */
          deliveryId: string;
          /** @description Endpoint id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-11'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/email-sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mail a sign-in link and code; the answer is the same whether or not the account exists */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: email-address
             * @description Trimmed and compared case-insensitively
             */
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/email-sign-in/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with the code (and address) or the link token from the sign-in mail */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The 6-digit code from the mail */
            code?: string;
            /**
             * Format: email-address
             * @description Trimmed and compared case-insensitively
             */
            email?: string;
            /** @description The token from the link in the mail (instead of email and code) */
            token?: string;
            /**
             * @description Keep the refresh token only in the HttpOnly cookie; it is left out of the body
             * @enum {string}
             */
            transport?: 'cookie';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data:
                | {
                    access_token: string;
                    /** @description Seconds until the access token expires */
                    expires_in: number;
                    /** @description Absent when transport is "cookie" */
                    refresh_token?: string;
                    /** @enum {string} */
                    token_type: 'Bearer';
                    user: components['schemas']['def-0'];
                  }
                | components['schemas']['def-2'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/forgot-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mail a password-reset link; the answer is the same whether or not the account exists */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: email-address
             * @description Trimmed and compared case-insensitively
             */
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/identities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sign-in methods: linked provider accounts, and how many ways in the account has */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                identities: {
                  /** Format: date-time */
                  created_at: string;
                  email: string | null;
                  id: number;
                  /** Format: date-time */
                  last_used_at: string | null;
                  provider: string;
                  provider_name: string;
                }[];
                /** @description How many passkeys */
                passkeys: number;
                /** @description Whether the account has a password */
                password: boolean;
                /** @description Password + passkeys + linked identities; the last one cannot be removed */
                ways_in: number;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/identities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Unlink a provider account (refused with 409 for the last way in) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Linked identity id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with email and password */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: email-address
             * @description Trimmed and compared case-insensitively
             */
            email: string;
            password: string;
            /**
             * @description Keep the refresh token only in the HttpOnly cookie; it is left out of the body
             * @enum {string}
             */
            transport?: 'cookie';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data:
                | {
                    access_token: string;
                    /** @description Seconds until the access token expires */
                    expires_in: number;
                    /** @description Absent when transport is "cookie" */
                    refresh_token?: string;
                    /** @enum {string} */
                    token_type: 'Bearer';
                    user: components['schemas']['def-0'];
                  }
                | components['schemas']['def-2'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the current session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            refresh_token?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/mfa': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether two-step verification is on, and how many recovery codes are left */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description True for an admin who must set up a second factor (MFA_REQUIRED_FOR_ADMINS) */
                enrolment_required: boolean;
                recovery_codes_remaining: number;
                totp: {
                  enabled: boolean;
                  /** Format: date-time */
                  enabled_at: string | null;
                  /** Format: date-time */
                  last_used_at: string | null;
                };
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/mfa/recovery-codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replace the recovery codes (the old ones stop working); returned once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Your current password */
            current_password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description Shown this once: store them somewhere safe */
                recovery_codes: string[];
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/mfa/totp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Turn two-step verification off (current password and a code or recovery code) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The 6-digit code from the authenticator app */
            code?: string;
            /** @description Your current password; not needed after a passkey re-authentication in the last 5 minutes */
            current_password?: string;
            /** @description One of the recovery codes (case, spaces and dashes ignored); each works once */
            recovery_code?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/mfa/totp/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn two-step verification on with a code; returns the recovery codes, once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The 6-digit code from the authenticator app */
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description Shown this once: store them somewhere safe */
                recovery_codes: string[];
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/mfa/totp/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start setting up an authenticator app: a new secret, active once confirmed */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Your current password */
            current_password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description otpauth:// URI, for the QR code */
                otpauth_uri: string;
                /** @description Base32, for manual entry */
                secret: string;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/mfa/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Second step of sign-in: the mfa_token and a code or a recovery code */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The 6-digit code from the authenticator app */
            code?: string;
            mfa_token: string;
            /** @description One of the recovery codes (case, spaces and dashes ignored); each works once */
            recovery_code?: string;
            /**
             * @description Keep the refresh token only in the HttpOnly cookie; it is left out of the body
             * @enum {string}
             */
            transport?: 'cookie';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                access_token: string;
                /** @description Seconds until the access token expires */
                expires_in: number;
                /** @description Absent when transport is "cookie" */
                refresh_token?: string;
                /** @enum {string} */
                token_type: 'Bearer';
                user: components['schemas']['def-0'];
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/oauth/{provider}/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The provider's redirect back: redirects to the web app with a one-time code, or with the reason it was refused */
    get: {
      parameters: {
        query?: {
          code?: string;
          error?: string;
          state?: string;
        };
        header?: never;
        path: {
          /** @description Slug used in /api/auth/oauth/:provider/…: a-z, 0-9 and dashes, up to 40 */
          provider: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/oauth/{provider}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Start a sign-in with the provider: redirects the browser there (302) */
    get: {
      parameters: {
        query?: {
          /** @description Where the web app goes after signing in: a root-relative path */
          returnTo?: string;
        };
        header?: never;
        path: {
          /** @description Slug used in /api/auth/oauth/:provider/…: a-z, 0-9 and dashes, up to 40 */
          provider: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/oauth/exchange': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The web app's one-time code from the callback, from the browser that started: the usual token data, or the second-step challenge */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The one-time code the callback put in the web app address */
            code: string;
            /**
             * @description Keep the refresh token only in the HttpOnly cookie; it is left out of the body
             * @enum {string}
             */
            transport?: 'cookie';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data:
                | {
                    access_token: string;
                    /** @description Seconds until the access token expires */
                    expires_in: number;
                    /** @description Absent when transport is "cookie" */
                    refresh_token?: string;
                    /** @enum {string} */
                    token_type: 'Bearer';
                    user: components['schemas']['def-0'];
                  }
                | components['schemas']['def-2'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/oauth/link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Link the provider account waiting in this browser (after signing in to the account with its address) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: date-time */
                created_at: string;
                email: string | null;
                id: number;
                /** Format: date-time */
                last_used_at: string | null;
                provider: string;
                provider_name: string;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/passkeys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's passkeys */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-3'][];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/passkeys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a passkey (current_password, or a passkey re-authentication in the last 5 minutes) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Passkey id (positive integer) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Not needed after a passkey re-authentication in the last 5 minutes */
            current_password?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Rename a passkey */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Passkey id (positive integer) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A name the person recognises, e.g. "Work laptop" */
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-3'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/auth/passkeys/login/options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a passwordless sign-in: WebAuthn request options for discoverable passkeys */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Pass to @simplewebauthn/browser startAuthentication({ optionsJSON }) */
              data: {
                allowCredentials?: {
                  id: string;
                  transports?: string[];
                  /** @description "public-key" */
                  type: string;
                }[];
                challenge: string;
                rpId?: string;
                timeout?: number;
                userVerification?: string;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/passkeys/login/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with a passkey: the usual token data */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            credential: {
              authenticatorAttachment?: 'platform' | 'cross-platform';
              clientExtensionResults: {
                [key: string]: unknown;
              };
              /** @description Credential id, base64url */
              id: string;
              rawId: string;
              response: {
                authenticatorData: string;
                clientDataJSON: string;
                signature: string;
                userHandle?: string;
              };
              /** @enum {string} */
              type: 'public-key';
            };
            /**
             * @description Keep the refresh token only in the HttpOnly cookie; it is left out of the body
             * @enum {string}
             */
            transport?: 'cookie';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                access_token: string;
                /** @description Seconds until the access token expires */
                expires_in: number;
                /** @description Absent when transport is "cookie" */
                refresh_token?: string;
                /** @enum {string} */
                token_type: 'Bearer';
                user: components['schemas']['def-0'];
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/passkeys/mfa/options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Second step of sign-in with a passkey: request options for the mfa_token’s user */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description From POST /api/auth/login when it answered mfa_required */
            mfa_token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Pass to @simplewebauthn/browser startAuthentication({ optionsJSON }) */
              data: {
                allowCredentials?: {
                  id: string;
                  transports?: string[];
                  /** @description "public-key" */
                  type: string;
                }[];
                challenge: string;
                rpId?: string;
                timeout?: number;
                userVerification?: string;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/passkeys/mfa/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Second step of sign-in with a passkey: the usual token data */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            credential: {
              authenticatorAttachment?: 'platform' | 'cross-platform';
              clientExtensionResults: {
                [key: string]: unknown;
              };
              /** @description Credential id, base64url */
              id: string;
              rawId: string;
              response: {
                authenticatorData: string;
                clientDataJSON: string;
                signature: string;
                userHandle?: string;
              };
              /** @enum {string} */
              type: 'public-key';
            };
            /** @description From POST /api/auth/login when it answered mfa_required */
            mfa_token: string;
            /**
             * @description Keep the refresh token only in the HttpOnly cookie; it is left out of the body
             * @enum {string}
             */
            transport?: 'cookie';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                access_token: string;
                /** @description Seconds until the access token expires */
                expires_in: number;
                /** @description Absent when transport is "cookie" */
                refresh_token?: string;
                /** @enum {string} */
                token_type: 'Bearer';
                user: components['schemas']['def-0'];
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/passkeys/reauth/options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a passkey re-authentication: request options for the caller's passkeys */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Pass to @simplewebauthn/browser startAuthentication({ optionsJSON }) */
              data: {
                allowCredentials?: {
                  id: string;
                  transports?: string[];
                  /** @description "public-key" */
                  type: string;
                }[];
                challenge: string;
                rpId?: string;
                timeout?: number;
                userVerification?: string;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/passkeys/reauth/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Re-authenticate this session with a passkey: for 5 minutes current_password may be left out */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            credential: {
              authenticatorAttachment?: 'platform' | 'cross-platform';
              clientExtensionResults: {
                [key: string]: unknown;
              };
              /** @description Credential id, base64url */
              id: string;
              rawId: string;
              response: {
                authenticatorData: string;
                clientDataJSON: string;
                signature: string;
                userHandle?: string;
              };
              /** @enum {string} */
              type: 'public-key';
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description Seconds during which this session may skip current_password */
                expires_in: number;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/passkeys/register/options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start registering a passkey: WebAuthn creation options (5-minute challenge) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Pass to @simplewebauthn/browser startRegistration({ optionsJSON }) */
              data: {
                attestation?: string;
                authenticatorSelection?: {
                  authenticatorAttachment?: string;
                  requireResidentKey?: boolean;
                  residentKey?: string;
                  userVerification?: string;
                };
                challenge: string;
                excludeCredentials?: {
                  id: string;
                  transports?: string[];
                  /** @description "public-key" */
                  type: string;
                }[];
                extensions?: {
                  credProps?: boolean;
                };
                hints?: string[];
                pubKeyCredParams: {
                  alg: number;
                  type: string;
                }[];
                rp: {
                  id?: string;
                  name: string;
                };
                timeout?: number;
                user: {
                  displayName: string;
                  id: string;
                  name: string;
                };
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/passkeys/register/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Finish registering a passkey with the authenticator response and a name */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            credential: {
              authenticatorAttachment?: 'platform' | 'cross-platform';
              clientExtensionResults: {
                [key: string]: unknown;
              };
              /** @description Credential id, base64url */
              id: string;
              rawId: string;
              response: {
                attestationObject: string;
                authenticatorData?: string;
                clientDataJSON: string;
                publicKey?: string;
                publicKeyAlgorithm?: number;
                transports?: string[];
              };
              /** @enum {string} */
              type: 'public-key';
            };
            /** @description A name the person recognises, e.g. "Work laptop" */
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-3'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/providers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The configured sign-in providers, for the sign-in page */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                /** @description Shown as "Continue with <name>" */
                name: string;
              }[];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/refresh-token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Exchange a refresh token (body or cookie) for new tokens */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            refresh_token?: string;
            /**
             * @description Keep the refresh token only in the HttpOnly cookie; it is left out of the body
             * @enum {string}
             */
            transport?: 'cookie';
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                access_token: string;
                /** @description Seconds until the access token expires */
                expires_in: number;
                /** @description Absent when transport is "cookie" */
                refresh_token?: string;
                /** @enum {string} */
                token_type: 'Bearer';
                user: components['schemas']['def-0'];
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create an account */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: email-address
             * @description Trimmed and compared case-insensitively
             */
            email: string;
            name: string;
            /** @description 8–128 characters, not a common password */
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-0'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/resend-verification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send the verification mail again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Choose a new password with the token from the reset mail; ends every session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description 8–128 characters, not a common password */
            password: string;
            /** @description The token from the link in the mail */
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/session/organization': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Choose the organization this session acts in (null: none); returns a new access token with org_id and org_role */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The organization to act in, or null for none */
            organization_id: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                access_token: string;
                /** @description Seconds until the access token expires */
                expires_in: number;
                /** @description The active organization now carried by the token (org_id, org_role), or null */
                organization: components['schemas']['def-5'] | (never | null);
                /** @enum {string} */
                token_type: 'Bearer';
                user: components['schemas']['def-0'];
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's active sessions */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-1'][];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** End every session except the current one */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                revoked: number;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** End one of your sessions */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/verify-email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm an email address with the token from the verification mail */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The token from the link in the mail */
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-0'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/docs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Interactive API reference (HTML) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The reference page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/oidc/grants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Applications you allowed */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                client_id: string;
                grant_id: string;
                /** Format: date-time */
                granted_at: string;
                name: string;
                scopes: string[];
              }[];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/oidc/grants/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an application: its tokens stop working at once */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/oidc/interaction/{uid}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What an application asks for (this browser’s pending sign-in) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          uid: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                client: {
                  client_id: string;
                  first_party: boolean;
                  name: string;
                };
                /** @description The application asked for a new password entry (prompt=login or max_age) */
                fresh_login_required: boolean;
                /** @description `login` or `consent` */
                prompt: string;
                reasons: string[];
                scopes: string[];
                uid: string;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/oidc/interaction/{uid}/consent': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Allow or deny the application */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          uid: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            allow: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description Send the browser here to continue */
                redirect_to: string;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/oidc/interaction/{uid}/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Complete the sign-in step with the caller’s Gatehouse session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          uid: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description Send the browser here to continue */
                redirect_to: string;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This OpenAPI 3 document */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organizations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's organizations, with their role in each */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-5'][];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    /** Create an organization; the caller becomes its owner (ORG_CREATION) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-5'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organizations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of your organizations (404 for non-members) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Organization id (positive integer) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-5'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete the organization, its memberships and invitations (owners) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Organization id (positive integer) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Rename the organization (owners and admins) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Organization id (positive integer) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-5'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/organizations/{id}/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pending invitations (owners and admins) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Organization id (positive integer) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-7'][];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    /** Invite someone by email: a single-use link valid 7 days (owners and admins) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Organization id (positive integer) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email-address */
            email: string;
            /**
             * @description owner: everything; admin: manages members and invitations; member: reads
             * @enum {unknown}
             */
            role?: 'owner' | 'admin' | 'member';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-7'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organizations/{id}/invitations/{invId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a pending invitation (owners and admins) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Organization id */
          id: string;
          /** @description Invitation id */
          invId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organizations/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The members and their roles (any member) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Organization id (positive integer) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-6'][];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organizations/{id}/members/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a member (owners and admins), or leave (yourself); the last owner stays */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Organization id */
          id: string;
          /** @description User id of the member */
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a member's role (owners: any; admins: members and admins); the last owner stays */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Organization id */
          id: string;
          /** @description User id of the member */
          userId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description owner: everything; admin: manages members and invitations; member: reads
             * @enum {unknown}
             */
            role: 'owner' | 'admin' | 'member';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-6'][];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/organizations/invitations/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Join the organization of an invitation sent to your email address */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-5'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organizations/invitations/lookup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** What an invitation link offers (organization, address, role), without using it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description The address invited: accept while signed in with it */
                email: string;
                /**
                 * Format: date-time
                 * @example 2024-01-15T10:30:00Z
                 */
                expires_at: string;
                organization: {
                  id: number;
                  name: string;
                };
                /**
                 * @description owner: everything; admin: manages members and invitations; member: reads
                 * @enum {unknown}
                 */
                role: 'owner' | 'admin' | 'member';
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List users (admin): paginated, searchable, sortable */
    get: {
      parameters: {
        query: {
          /** @description Page size; values above 100 are treated as 100 */
          limit: number;
          order: 'asc' | 'desc';
          page: number;
          role?: 'user' | 'admin';
          /** @description Case-insensitive substring of email or name */
          search?: string;
          sort: 'created_at' | 'email' | 'name' | 'last_login_at';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                items: components['schemas']['def-0'][];
                limit: number;
                page: number;
                total: number;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One user (self or admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description User id (positive integer) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-0'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    /** Change name, email, password, language or role (self or admin; role: admin only) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description User id (positive integer) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Required to change your own email or password */
            current_password?: string;
            /** Format: email-address */
            email?: string;
            /**
             * @description The user's language (en, de, es, ar); null follows the browser's Accept-Language
             * @enum {string|null}
             */
            locale?: 'en' | 'de' | 'es' | 'ar' | null;
            name?: string;
            /** @description New password (8–128 characters) */
            password?: string;
            /** @enum {unknown} */
            role?: 'user' | 'admin';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-0'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    post?: never;
    /** Delete the account and end all its sessions (self with current_password, or admin) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description User id (positive integer) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Required to delete yourself */
            current_password?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The user's audit trail, newest first (self or admin) */
    get: {
      parameters: {
        query: {
          /** @description Page size; values above 100 are treated as 100 */
          limit: number;
          page: number;
        };
        header?: never;
        path: {
          /** @description User id (positive integer) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                items: components['schemas']['def-4'][];
                limit: number;
                page: number;
                total: number;
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every stored fact about the user as one JSON document (self or admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description User id (positive integer) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description Events this user caused on other accounts as an admin */
                admin_actions: {
                  /** Format: date-time */
                  created_at: string;
                  id: number;
                  ip: string | null;
                  type: string;
                  user_agent: string | null;
                  user_id: number | null;
                }[];
                audit_events: components['schemas']['def-4'][];
                email_tokens: {
                  /** Format: date-time */
                  created_at: string;
                  email: string;
                  /** Format: date-time */
                  expires_at: string;
                  id: number;
                  purpose: string;
                  /** Format: date-time */
                  used_at: string | null;
                }[];
                /** Format: date-time */
                exported_at: string;
                /** @description Second factors: types and dates only, never secrets or codes */
                factors: {
                  /** Format: date-time */
                  created_at: string;
                  /** Format: date-time */
                  last_used_at: string | null;
                  /** @description Passkeys: the name given to it */
                  name?: string;
                  /** @description totp, recovery_code or passkey */
                  type: string;
                }[];
                /** @description Provider accounts linked for social sign-in; never the provider's tokens */
                linked_identities: {
                  /** Format: date-time */
                  created_at: string;
                  email: string | null;
                  /** Format: date-time */
                  last_used_at: string | null;
                  provider: string;
                  /** @description The person's id at the provider */
                  subject: string;
                }[];
                mail: {
                  /** Format: date-time */
                  created_at: string;
                  /** Format: date-time */
                  failed_at: string | null;
                  id: number;
                  /** Format: date-time */
                  sent_at: string | null;
                  subject: string;
                  to: string;
                }[];
                /** @description Organization memberships: the organization, the role in it, since when */
                organizations: {
                  id: number;
                  /** Format: date-time */
                  joined_at: string;
                  name: string;
                  /** @description owner, admin or member */
                  role: string;
                }[];
                refresh_tokens: {
                  /** Format: date-time */
                  created_at: string;
                  /** Format: date-time */
                  expires_at: string;
                  id: number;
                  parent_id: number | null;
                  session_id: number;
                  /** Format: date-time */
                  used_at: string | null;
                }[];
                sessions: {
                  /** Format: date-time */
                  created_at: string;
                  /** Format: date-time */
                  expires_at: string;
                  id: number;
                  ip: string | null;
                  /** Format: date-time */
                  last_used_at: string;
                  /** Format: date-time */
                  revoked_at: string | null;
                  revoked_reason: string | null;
                  user_agent: string | null;
                }[];
                user: components['schemas']['def-0'];
              };
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/mfa/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Clear the user's second factors and end their sessions (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description User id (positive integer) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Nothing to return
               * @enum {object|null}
               */
              data: never | null;
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/passkeys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user's passkeys (self or admin): names and dates */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description User id (positive integer) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-3'][];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's user object (same as /api/users/profile) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-0'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change the caller's own name, email, password or language (locale) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Required to change your own email or password */
            current_password?: string;
            /** Format: email-address */
            email?: string;
            /**
             * @description The user's language (en, de, es, ar); null follows the browser's Accept-Language
             * @enum {string|null}
             */
            locale?: 'en' | 'de' | 'es' | 'ar' | null;
            name?: string;
            /** @description New password (8–128 characters) */
            password?: string;
            /** @enum {unknown} */
            role?: 'user' | 'admin';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-0'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/users/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's user object */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['def-0'];
              message: string;
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Error envelope */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
        /** @description Error envelope */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Stable UPPER_SNAKE machine code */
              code: string;
              errors?: {
                [key: string]: string;
              };
              message: string;
              /** @enum {boolean} */
              success: false;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 200 while the process runs */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 200 when the database (and Redis) answer; 503 otherwise */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** User */
    'def-0': {
      /**
       * Format: date-time
       * @example 2024-01-15T10:30:00Z
       */
      created_at: string;
      email: string;
      email_verified: boolean;
      id: number;
      /**
       * Format: date-time
       * @example 2024-01-15T10:30:00Z
       */
      last_login_at: string | null;
      /**
       * @description The user's language (en, de, es, ar); null follows the browser's Accept-Language
       * @enum {string|null}
       */
      locale: 'en' | 'de' | 'es' | 'ar' | null;
      /** @description Admin views only: the user's second factors */
      mfa?: {
        /** @description How many passkeys */
        passkeys: number;
        /** @description Two-step verification with an authenticator app */
        totp: boolean;
      };
      name: string;
      /** @enum {string} */
      role: 'user' | 'admin';
      /**
       * Format: date-time
       * @example 2024-01-15T10:30:00Z
       */
      updated_at: string;
    };
    /** Session */
    'def-1': {
      /** Format: date-time */
      created_at: string;
      /** @description The session of the access token that made this request */
      current: boolean;
      id: number;
      ip: string | null;
      /** Format: date-time */
      last_used_at: string;
      user_agent: string | null;
    };
    /** MfaChallenge */
    'def-2': {
      /** @description Second steps this account can use */
      methods: ('totp' | 'recovery_code' | 'passkey')[];
      /** @enum {boolean} */
      mfa_required: true;
      /** @description Single use, valid 5 minutes: send it to POST /api/auth/mfa/verify */
      mfa_token: string;
    };
    /** Passkey */
    'def-3': {
      /** @description The passkey is synced to a provider (multi-device) */
      backed_up: boolean;
      /** Format: date-time */
      created_at: string;
      id: number;
      /** Format: date-time */
      last_used_at: string | null;
      name: string;
      transports: string[];
    };
    /** AuditEvent */
    'def-4': {
      /** @description Who acted when it was not the user themself (an admin); null otherwise */
      actor_id: number | null;
      /** Format: date-time */
      created_at: string;
      details: {
        [key: string]: unknown;
      };
      id: number;
      ip: string | null;
      /** @example login.succeeded */
      type: string;
      user_agent: string | null;
    };
    /**
     * Organization
     * @description An organization, as seen by one of its members
     */
    'def-5': {
      /**
       * Format: date-time
       * @example 2024-01-15T10:30:00Z
       */
      created_at: string;
      id: number;
      member_count: number;
      name: string;
      /**
       * @description owner: everything; admin: manages members and invitations; member: reads
       * @enum {unknown}
       */
      role: 'owner' | 'admin' | 'member';
      /**
       * Format: date-time
       * @example 2024-01-15T10:30:00Z
       */
      updated_at: string;
    };
    /** OrganizationMember */
    'def-6': {
      email: string;
      /**
       * Format: date-time
       * @example 2024-01-15T10:30:00Z
       */
      joined_at: string;
      name: string;
      /**
       * @description owner: everything; admin: manages members and invitations; member: reads
       * @enum {unknown}
       */
      role: 'owner' | 'admin' | 'member';
      user_id: number;
    };
    /** OrganizationInvitation */
    'def-7': {
      /**
       * Format: date-time
       * @example 2024-01-15T10:30:00Z
       */
      created_at: string;
      email: string;
      /**
       * Format: date-time
       * @example 2024-01-15T10:30:00Z
       */
      expires_at: string;
      id: number;
      /**
       * @description owner: everything; admin: manages members and invitations; member: reads
       * @enum {unknown}
       */
      role: 'owner' | 'admin' | 'member';
    };
    /** AdminOrganization */
    'def-8': {
      /**
       * Format: date-time
       * @example 2024-01-15T10:30:00Z
       */
      created_at: string;
      id: number;
      member_count: number;
      name: string;
      /**
       * Format: date-time
       * @example 2024-01-15T10:30:00Z
       */
      updated_at: string;
    };
    /** OidcClient */
    'def-9': {
      client_id: string;
      /** Format: date-time */
      created_at: string;
      /** @description Skips the consent screen */
      first_party: boolean;
      grant_types: string[];
      id_token_signed_response_alg: string;
      name: string;
      post_logout_redirect_uris: string[];
      /** @description No secret; PKCE required */
      public: boolean;
      redirect_uris: string[];
      /** Format: date-time */
      updated_at: string;
    };
    /** WebhookEndpoint */
    'def-10': {
      /** Format: date-time */
      created_at: string;
      description: string;
      /**
       * Format: date-time
       * @description When it was disabled for failing too long (null: not disabled that way)
       */
      disabled_at: string | null;
      enabled: boolean;
      event_types: string[];
      /**
       * Format: date-time
       * @description Start of the current run of failed attempts (null: the last one succeeded)
       */
      failing_since: string | null;
      id: number;
      /** Format: date-time */
      updated_at: string;
      url: string;
    };
    /** WebhookDelivery */
    'def-11': {
      attempts: number;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      delivered_at: string | null;
      /** @description The webhook-id header: the same on every attempt */
      event_id: string;
      event_type: string;
      id: number;
      /** Format: date-time */
      last_attempt_at: string | null;
      last_error: string | null;
      last_response_code: number | null;
      /**
       * Format: date-time
       * @description The latest the next attempt is due (retries have jitter)
       */
      next_attempt_at: string | null;
      /** @description The body sent */
      payload: {
        [key: string]: unknown;
      };
      /** @description `pending`, `delivered` or `failed` */
      status: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
