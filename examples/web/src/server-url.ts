/**
 * Where the realtime server is: `?server=` in the page's address (the browser tests use it to put
 * a page behind a proxy), else what the demo's static server says in `/config.json`, else port
 * 3000 of this host.
 */
export async function serverUrl(): Promise<string> {
  const fromQuery = new URLSearchParams(location.search).get('server');
  if (fromQuery) return fromQuery;
  try {
    const response = await fetch('/config.json');
    if (response.ok) {
      const config = (await response.json()) as { serverUrl?: unknown };
      if (typeof config.serverUrl === 'string') return config.serverUrl;
    }
  } catch {
    // A plain static host: fall through to the default.
  }
  return `${location.protocol}//${location.hostname}:3000`;
}
