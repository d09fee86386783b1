// One HTTP request, timed from sending to the last byte of the answer.
export async function timed(
  base: string,
  req: { url: string; headers: Record<string, string>; body?: string | undefined },
): Promise<{ ms: number; status: number; requestId: string | null }> {
  const started = performance.now();
  const res = await fetch(
    base + req.url,
    req.body === undefined ? { headers: req.headers } : { method: 'POST', headers: req.headers, body: req.body },
  );
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status, requestId: res.headers.get('x-request-id') };
}
