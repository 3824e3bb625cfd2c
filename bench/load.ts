import autocannon from 'autocannon';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  /** Completed responses per second, any status. */
  rps: number;
  /** 2xx responses per second: the work actually done. */
  okRps: number;
  /** Latency in ms over every response. */
  latency: Percentiles;
  /** Latency in ms of the 2xx responses only. */
  okLatency: Percentiles;
  /** Latency in ms of the non-2xx responses only (shed or refused requests). */
  failLatency: Percentiles;
  /** Responses by status code. */
  statuses: Record<string, number>;
  /** Shed (429/503) responses that came without a Retry-After header. */
  shedWithoutRetryAfter: number;
  errors: number;
  timeouts: number;
}

export interface LoadSpec {
  base: string;
  connections: number;
  seconds: number;
  path?: string;
  headers?: Record<string, string>;
  /** Per-connection setup (own token, own refresh chain). */
  setupClient?: (client: autocannon.Client) => void;
  /** Requests that every connection repeats, when setupClient does not set them. */
  requests?: autocannon.Request[];
}

/** Nearest-rank percentiles of a sample, in ms. */
export function percentiles(values: number[]): Percentiles {
  if (values.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0, count: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1]!,
    count: sorted.length,
  };
}

/** Wraps a request so shed answers (429/503) are checked for a Retry-After header. */
export function checkRetryAfter(
  request: autocannon.Request,
  onMissing: () => void,
): autocannon.Request {
  const inner = request.onResponse;
  return {
    ...request,
    onResponse(status, body, context, headers) {
      if ((status === 429 || status === 503) && !headers?.['retry-after']) onMissing();
      if (typeof inner === 'function') inner(status, body, context, headers);
    },
  };
}

/** Runs autocannon and records every response's status and latency itself (autocannon has no p95). */
export async function runLoad(spec: LoadSpec, tracker?: { missingRetryAfter: number }) {
  const all: number[] = [];
  const ok: number[] = [];
  const fail: number[] = [];
  const statuses: Record<string, number> = {};
  const options: autocannon.Options = {
    url: spec.base + (spec.path ?? '/'),
    connections: spec.connections,
    duration: spec.seconds,
    headers: spec.headers,
    setupClient: spec.setupClient,
    requests: spec.requests,
    timeout: 10,
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      all.push(responseTime);
      (statusCode >= 200 && statusCode < 300 ? ok : fail).push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  const seconds = result.duration || spec.seconds;
  const load: LoadResult = {
    connections: spec.connections,
    seconds,
    rps: all.length / seconds,
    okRps: ok.length / seconds,
    latency: percentiles(all),
    okLatency: percentiles(ok),
    failLatency: percentiles(fail),
    statuses,
    shedWithoutRetryAfter: tracker?.missingRetryAfter ?? 0,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  return load;
}
