import type { ServerProcess } from './node-process.js';

/** The `/metrics` text of the node listening at `url` (by default the server's first node). */
export async function metricsText(server: ServerProcess, url: string = server.metricsUrl): Promise<string> {
  const at = url === server.metricsUrl ? url : server.metricsUrlOf(url);
  return (await fetch(`${at}/metrics`)).text();
}

/**
 * The value of one sample in Prometheus text: the first line of `name` whose labels include every
 * `label="value"` of `labels`; 0 when there is none (a counter not yet incremented).
 */
export function sampleOf(text: string, name: string, labels: Readonly<Record<string, string>> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}
