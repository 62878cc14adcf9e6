/**
 * The part of autocannon's programmatic API that bench/web.ts uses (the package ships no type declarations and
 * there is no @types package installed).
 */
declare module 'autocannon' {
  interface Histogram { average: number; mean: number; stddev: number; min: number; max: number; total: number; p50: number; p90: number; p99: number }
  interface RawRequest { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }
  interface RequestSpec extends RawRequest { setupRequest?: (req: RawRequest, context: Record<string, unknown>) => RawRequest | null }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    pipelining?: number;
    requests?: RequestSpec[];
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    statusCodeStats?: Record<string, { count: number }>;
  }
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
