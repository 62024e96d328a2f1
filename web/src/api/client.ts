/**
 * The API client, generated: openapi-fetch over the types openapi-typescript
 * wrote from the platform's OpenAPI document (`npm run gen:api`). Pages call
 * `api.GET('/api/…')` and pass the result to `unwrap`, which returns the data
 * or throws the one ApiError.
 */
import createClient from 'openapi-fetch';

import { ApiError, toApiError } from './errors.ts';
import type { paths } from './schema.js';

export const api = createClient<paths>({ baseUrl: '' });

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The session's anti-forgery token, which the platform puts in a readable cookie. */
export function csrfToken(): string | undefined {
  const match = /(?:^|;\s*)jixi_csrf=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

// A signed-in session must echo its token on every change (src/server/security.ts).
api.use({
  onRequest({ request }) {
    const token = csrfToken();
    if (token && CHANGES.has(request.method)) request.headers.set('x-csrf-token', token);
    return request;
  },
});

export type { paths };

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Await a client call; data on success, ApiError otherwise. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw toApiError(cause);
  }

  if (result.error !== undefined || !result.response.ok) {
    throw toApiError(result.error, result.response.status);
  }
  return result.data as T;
}

/**
 * GET an endpoint whose route declares no response schema yet (the
 * generated type is then `never`). The caller names the server's own type
 * for the body, imported from src/; replace with `api.GET` once the route
 * has a schema. Kept in one place so the gap is visible.
 */
export async function getWithoutSchema<T>(
  path: '/api/documents' | '/api/articles' | '/api/errors',
  signal?: AbortSignal,
): Promise<T> {
  const result = await unwrap(api.GET(path, { parseAs: 'json', ...(signal ? { signal } : {}) }));
  return result as unknown as T;
}

/** Download a file (a bill, an error report, an export) the API produces. */
export async function download(url: string, fallbackName: string, init?: RequestInit): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (cause) {
    throw toApiError(cause);
  }
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw toApiError(body, response.status);
  }

  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  saveBlob(blob, star ? decodeURIComponent(star[1]!) : (plain?.[1] ?? fallbackName));
}

export { ApiError };

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The JSON body of an endpoint's success answer, from the generated types. */
export type ResponseOf<P extends keyof paths, M extends Method = 'get'> = paths[P] extends Record<M, infer Op>
  ? Op extends { responses: infer R }
    ? R extends { 200: { content: { 'application/json': infer T } } }
      ? T
      : R extends { 201: { content: { 'application/json': infer T } } }
        ? T
        : never
    : never
  : never;

/** The JSON body an endpoint accepts, from the generated types. */
export type RequestOf<P extends keyof paths, M extends Method = 'post'> = paths[P] extends Record<M, infer Op>
  ? Op extends { requestBody?: { content: { 'application/json': infer T } } }
    ? T
    : never
  : never;

/**
 * POST a multipart form with upload progress (fetch reports none). The
 * answer is JSON or, when the form asks for a file, a Blob.
 */
export function uploadWithProgress(
  url: string,
  form: FormData,
  onProgress: (loaded: number, total: number) => void,
): Promise<{ json?: unknown; blob?: Blob; filename?: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const token = csrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.responseType = 'blob';
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onerror = () => reject(toApiError(new TypeError('network')));
    xhr.onload = async () => {
      const blob = xhr.response as Blob;
      const type = xhr.getResponseHeader('content-type') ?? '';
      let json: unknown;
      if (type.includes('json')) {
        try {
          json = JSON.parse(await blob.text());
        } catch {
          json = undefined;
        }
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(toApiError(json, xhr.status));
        return;
      }
      if (json !== undefined) {
        resolve({ json });
        return;
      }
      const disposition = xhr.getResponseHeader('content-disposition') ?? '';
      const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
      resolve({ blob, ...(star ? { filename: decodeURIComponent(star[1]!) } : {}) });
    };
    xhr.send(form);
  });
}

/** Offer a Blob the page made or received as a download. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
