/** The token of an `Authorization: Bearer <token>` header, or null when there is none. */
export function readBearerToken(header: string | readonly string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string') return null;
  const match = /^Bearer\s+(\S{1,8192})\s*$/i.exec(value);
  return match?.[1] ?? null;
}
