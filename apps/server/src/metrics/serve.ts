import { registry } from './registry';

/**
 * Answers Prometheus scrapes. Served on its own port (METRICS_PORT, see main.ts), which fly.toml
 * keeps off the public services: Fly's scraper reaches it over the private network, the
 * internet does not.
 */
export async function metricsResponse(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (request.method !== 'GET' || pathname !== '/metrics') {
    return new Response('Not found\n', { status: 404 });
  }
  return new Response(await registry.metrics(), {
    headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' },
  });
}
