/**
 * The service's entry point: reads and validates the environment (here only), opens the
 * database (the main store and the tab's review records, one set of migrations), mounts the
 * tab, starts the server and stops cleanly on SIGTERM/SIGINT.
 *
 *   PORT (3978), HOST (127.0.0.1), PUBLIC_URL, DATABASE_URL or SQLITE_PATH (./.data/teams.sqlite),
 *   MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId (the Agents SDK's names),
 *   OKR_DEV_ANONYMOUS=1 (local mode: no Bot Framework token, dev tab tokens, 127.0.0.1 only),
 *   TAB_DOMAIN, DEFAULT_TIME_ZONE (UTC), OUTBOX_LEASE_MS (60000), HTTP_MAX_CONNECTIONS_PER_IP (128)
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { createEntraTokenVerifier, resolveDevTokenMode, withDevTokens } from './auth';
import { isTimeZone } from './bot/reminder-time';
import { createForgeClient } from './forge/forge-client';
import { createStaticFiles } from './http/static-files';
import { ListenError, startService, type RunningService } from './server';
import { openStorage } from './storage';
import { createTabRoutes } from './http/tab-routes';

const envSchema = z
  .object({
    PORT: z.coerce.number({ error: 'expected PORT to be a port number' }).int().min(0).max(65_535).default(3978),
    HOST: z.string().min(1).default('127.0.0.1'),
    PUBLIC_URL: z.url({ error: 'expected PUBLIC_URL to be the https URL Teams and Forge reach this service at' }).optional(),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { error: 'expected DATABASE_URL like postgres://user@host:5432/db' }).optional(),
    SQLITE_PATH: z.string().min(1).default('./.data/teams.sqlite'),
    MicrosoftAppId: z.string().min(1).optional(),
    MicrosoftAppPassword: z.string().min(1).optional(),
    MicrosoftAppTenantId: z.string().min(1).optional(),
    OKR_DEV_ANONYMOUS: z.enum(['0', '1'], { error: 'expected OKR_DEV_ANONYMOUS to be 0 or 1' }).default('0'),
    TAB_DOMAIN: z.string().min(1).optional(),
    DEFAULT_TIME_ZONE: z.string().refine(isTimeZone, { error: 'expected DEFAULT_TIME_ZONE to be an IANA time zone like Europe/Paris' }).default('UTC'),
    OUTBOX_LEASE_MS: z.coerce.number().int().min(1_000).default(60_000),
    HTTP_MAX_CONNECTIONS_PER_IP: z.coerce
      .number({ error: 'expected HTTP_MAX_CONNECTIONS_PER_IP to be a whole number from 1 to 100000' })
      .int({ error: 'expected HTTP_MAX_CONNECTIONS_PER_IP to be a whole number from 1 to 100000' })
      .min(1, { error: 'expected HTTP_MAX_CONNECTIONS_PER_IP to be a whole number from 1 to 100000' })
      .max(100_000, { error: 'expected HTTP_MAX_CONNECTIONS_PER_IP to be a whole number from 1 to 100000' })
      .default(128),
  })
  .refine((e) => e.OKR_DEV_ANONYMOUS === '1' || e.MicrosoftAppId, { error: 'expected MicrosoftAppId (and MicrosoftAppPassword), or OKR_DEV_ANONYMOUS=1 for the local mode' })
  .refine((e) => e.OKR_DEV_ANONYMOUS === '0' || e.HOST === '127.0.0.1', { error: 'expected HOST=127.0.0.1 with OKR_DEV_ANONYMOUS=1: the local mode is never exposed' });

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`config: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
    process.exit(2);
  }
  const env = parsed.data;
  const local = env.OKR_DEV_ANONYMOUS === '1';
  // One database for everything: the main store and the tab's review records, migrated together.
  const storage = await openStorage({ databaseUrl: env.DATABASE_URL, sqlitePath: env.SQLITE_PATH }, Date.now());
  const { store, reviewStore } = storage;

  const appId = env.MicrosoftAppId ?? 'local-dev';
  const devMode = resolveDevTokenMode({ localDev: local, host: env.HOST });
  if (devMode.kind === 'refused') throw new Error(devMode.reason);
  const verifyToken = withDevTokens(createEntraTokenVerifier({ appId, domain: env.TAB_DOMAIN ?? `${env.HOST}:${env.PORT}`, nowMs: Date.now }), devMode);
  const tabRoutes = createTabRoutes({
    verifyToken,
    connectionFor: (tenantId) => store.connectionForTenant(tenantId),
    forge: (connection) => createForgeClient(connection, { nowMs: Date.now, newId: randomUUID }),
    reviewStore,
    agendaRequests: (tenantId, scope) => store.agendaRequests(tenantId, scope),
    eventsVersion: (connectionId) => store.eventsVersion(connectionId),
    agendaRequestCount: (tenantId) => store.agendaRequestCount(tenantId),
    nowMs: Date.now,
  });

  let service: RunningService;
  try {
    service = await startService({
      store,
      host: env.HOST,
      port: env.PORT,
      publicUrl: env.PUBLIC_URL,
      bot: local ? { kind: 'anonymous' } : { kind: 'authenticated', appId, password: env.MicrosoftAppPassword, tenantId: env.MicrosoftAppTenantId },
      defaultTimeZone: env.DEFAULT_TIME_ZONE,
      outbox: { leaseMs: env.OUTBOX_LEASE_MS },
      http: { maxConnectionsPerIp: env.HTTP_MAX_CONNECTIONS_PER_IP },
      mounts: [tabRoutes, createStaticFiles(join(__dirname, '..', 'dist', 'tab'))],
    });
  } catch (error) {
    if (!(error instanceof ListenError)) throw error;
    console.error(`config: ${error.message}; set PORT to a free port (or HOST to an address of this machine)`);
    await storage.close();
    process.exit(2);
  }
  console.log(`okr-bridge teams service on ${service.url} (${local ? 'local anonymous mode' : 'Bot Framework auth on'}, ${env.DATABASE_URL ? 'PostgreSQL' : `SQLite ${env.SQLITE_PATH}`})`);

  const stop = async () => {
    await service.close();
    await storage.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
