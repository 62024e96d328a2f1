/**
 * What the platform offers right now, read from its OpenAPI document
 * (/docs/json): the menu shows a page only when every endpoint it needs is
 * there, so each department's pages appear as its API lands.
 */
import { createContext, useContext, type ReactNode } from 'react';

import { toApiError, type ApiError } from './errors.ts';
import { useApi } from './useApi.ts';

export interface Operation {
  method: string;
  path: string;
  summary: string;
  tags: string[];
}

export interface Capabilities {
  operations: Operation[];
  /** "GET /api/params/{id}" */
  has(endpoint: string): boolean;
  tags: string[];
}

interface OpenApiDocument {
  paths?: Record<string, Record<string, { summary?: string; tags?: string[] }>>;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function readCapabilities(document: OpenApiDocument): Capabilities {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      operations.push({ method: method.toUpperCase(), path, summary: op.summary ?? '', tags: op.tags ?? [] });
    }
  }

  const keys = new Set(operations.map((o) => `${o.method} ${o.path}`));
  const tags = [...new Set(operations.flatMap((o) => o.tags))];
  return { operations, tags, has: (endpoint) => keys.has(endpoint) };
}

async function loadCapabilities(signal: AbortSignal): Promise<Capabilities> {
  let response: Response;
  try {
    response = await fetch('/docs/json', { signal });
  } catch (cause) {
    throw toApiError(cause);
  }
  if (!response.ok) throw toApiError(undefined, response.status);
  return readCapabilities((await response.json()) as OpenApiDocument);
}

const CapabilitiesContext = createContext<{ caps?: Capabilities; error?: ApiError; loading: boolean }>({
  loading: true,
});

export function CapabilitiesProvider({ children }: { children: ReactNode }) {
  const { data, error, loading } = useApi(loadCapabilities, []);
  return (
    <CapabilitiesContext.Provider value={{ ...(data ? { caps: data } : {}), ...(error ? { error } : {}), loading }}>
      {children}
    </CapabilitiesContext.Provider>
  );
}

export function useCapabilities() {
  return useContext(CapabilitiesContext);
}
