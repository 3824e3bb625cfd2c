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
  /** Introspection only: 200 answers saying `active: false` about tokens that should be live. */
  inactiveAnswers?: number;
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

/** Responses as they come: status and latency (ms) of each, split into 2xx and the rest. */
export class Samples {
  private readonly all: number[] = [];
  private readonly ok: number[] = [];
  private readonly fail: number[] = [];
  private readonly statuses: Record<string, number> = {};

  add(status: number, ms: number): void {
    this.all.push(ms);
    (status >= 200 && status < 300 ? this.ok : this.fail).push(ms);
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
  }

  result(
    connections: number,
    seconds: number,
    extra: { shedWithoutRetryAfter?: number; errors?: number; timeouts?: number } = {},
  ): LoadResult {
    return {
      connections,
      seconds,
      rps: this.all.length / seconds,
      okRps: this.ok.length / seconds,
      latency: percentiles(this.all),
      okLatency: percentiles(this.ok),
      failLatency: percentiles(this.fail),
      statuses: this.statuses,
      shedWithoutRetryAfter: extra.shedWithoutRetryAfter ?? 0,
      errors: extra.errors ?? 0,
      timeouts: extra.timeouts ?? 0,
    };
  }
}

/** Runs autocannon and records every response's status and latency itself (autocannon has no p95). */
export async function runLoad(spec: LoadSpec, tracker?: { missingRetryAfter: number }) {
  const samples = new Samples();
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
    instance.on('response', (_client, statusCode, _bytes, responseTime) =>
      samples.add(statusCode, responseTime),
    );
  });
  return samples.result(spec.connections, result.duration || spec.seconds, {
    shedWithoutRetryAfter: tracker?.missingRetryAfter ?? 0,
    errors: result.errors,
    timeouts: result.timeouts,
  });
}
