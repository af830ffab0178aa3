import { CommandError } from '../../domain/command-error.js';
import { moodsCsv } from '../../domain/moods/mood-csv.js';
import type { AccountExporter } from '../../rooms/account/account-export.js';
import type { AuthService } from '../identity/auth-service.js';
import { bearerToken } from './bearer-token.js';
import { json } from './http-responses.js';
import type { HttpRequest, Route } from './http-types.js';

/** The formats `GET /v1/moods/export` writes. */
const MOOD_EXPORT_FORMATS = ['csv', 'json'] as const;
type MoodExportFormat = (typeof MOOD_EXPORT_FORMATS)[number];

/** The `format` of a moods export (default `csv`); anything else is `invalid_payload` naming it. */
function moodExportFormat(query: string): MoodExportFormat {
  const format = new URLSearchParams(query).get('format') ?? 'csv';
  const known = MOOD_EXPORT_FORMATS.find((f) => f === format);
  if (!known) throw new CommandError('invalid_payload', `format must be one of ${MOOD_EXPORT_FORMATS.join(', ')}`, { field: 'format' });
  return known;
}

/** A `Content-Disposition` that saves the body as a file named for what it holds and the day. */
function attachment(name: string, at: number, extension: 'csv' | 'json'): string {
  return `attachment; filename="hugmood-${name}-${new Date(at).toISOString().slice(0, 10)}.${extension}"`;
}

/**
 * "Your data is yours": `GET /v1/account/export` (everything about the caller, JSON) and
 * `GET /v1/moods/export?format=csv|json` (the moods). Both need `Authorization: Bearer <access token>`,
 * count against the client's auth requests, and are never cached.
 */
export function exportRoutes(auth: AuthService, exporter: AccountExporter, now: () => number = Date.now): Route[] {
  const caller = async (req: HttpRequest) => (await auth.authenticate(bearerToken(req), req.clientAddress)).user.id;
  const noStore = { 'cache-control': 'no-store' };
  return [
    {
      method: 'GET',
      path: '/v1/account/export',
      handler: async (req) => {
        const data = await exporter.export(await caller(req));
        return json(200, data, { ...noStore, 'content-disposition': attachment('account', data.exportedAt, 'json') });
      },
    },
    {
      method: 'GET',
      path: '/v1/moods/export',
      handler: async (req) => {
        const format = moodExportFormat(req.query);
        const entries = await exporter.moods(await caller(req));
        const at = now();
        if (format === 'json') return json(200, { moods: entries }, { ...noStore, 'content-disposition': attachment('moods', at, 'json') });
        return {
          status: 200,
          headers: { 'content-type': 'text/csv; charset=utf-8', ...noStore, 'content-disposition': attachment('moods', at, format) },
          body: moodsCsv(entries),
        };
      },
    },
  ];
}
