import type { NextFunction, Response } from 'express';
import type { INestApplication } from '@nestjs/common';
import { Counter } from 'prom-client';
import { loadAdminConfig, mergeEnv, type AdminConfig } from '@marsad/config';
import { KbChangeSchema, WatchSchema, type KbChange, type Watch } from '@marsad/contracts';
import { UrlGuard } from '@marsad/alerts';
import { loadKnowledgeBase } from '@marsad/kb';
import type { CompactedTopicView } from '@marsad/messaging';
import { errorFields, type Logger, type PipelineMetrics } from '@marsad/observability';
import { startService, type BootstrapOptions, type ServiceHost, type ServiceWiring } from '@marsad/host';
import { AdminModule } from './admin.module';
import { ApiKeyVerifier } from './auth/api-keys';
import { apiKeyMiddleware, type AuthedRequest } from './auth/auth';
import { PRE_AUTH_FACTOR, preAuthRateLimit } from './ratelimit/rate-limit.middleware';
import { bodyParserErrorHandler } from './http/errors';
import { installEdge, jsonBody } from './http/edge';
import { ActorResolver, type ActorLookup } from './watches/actor-resolver';
import type { AdminContext } from './context';

export type { BootstrapOptions };

export interface AdminHandle {
  app: INestApplication;
  port: number;
  ctx: AdminContext;
  /** Resolves when the watches view has caught up with marsad.watches. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the admin API (operator surface) on the service host: API-key auth on /v1, watches
 * (compacted marsad.watches), HTTP ingest to marsad.articles.raw, OpenAPI at /docs and /docs-json,
 * health and metrics. Refuses to start without MARSAD_ADMIN_KEYS (ConfigError names it). `env`
 * overrides process.env (tests pass MARSAD_NAMESPACE, PORT...); undefined deletes a variable.
 */
export async function bootstrapAdmin(env?: Record<string, string | undefined>, opts: BootstrapOptions = {}): Promise<AdminHandle> {
  let ctx!: AdminContext;
  const running = await startService('admin', loadAdminConfig(mergeEnv(env)), opts, (host) => {
    let kbSize: number | undefined;
    [ctx, kbSize] = adminContext(host);
    return adminWiring(ctx, kbSize);
  });
  return { app: running.app, port: running.port, ctx, ready: () => ctx.watches.ready(), close: running.close };
}

/** Watches, the knowledge base for actor-name resolution (kept current from marsad.kb), URL guard. */
function adminContext(host: ServiceHost<AdminConfig>): [AdminContext, number | undefined] {
  const { config, logger } = host;
  const watches = host.view<Watch>('watches', WatchSchema as never, { readiness: true });
  let kb: ReturnType<typeof loadKnowledgeBase> | undefined;
  let kbView: CompactedTopicView<KbChange> | undefined;
  try {
    kb = loadKnowledgeBase();
    const k = kb;
    kbView = host.view<KbChange>('kb', KbChangeSchema as never, { readiness: true });
    kbView.onChange((c) => {
      try {
        k.applyChange(c.key, c.value ?? null);
      } catch (err) {
        logger.warn('ignoring invalid marsad.kb record', { key: c.key, ...errorFields(err) });
      }
    });
  } catch (err) {
    logger.warn('knowledge base unavailable: watch actors are kept as ids/names without resolution', errorFields(err));
  }
  const ctx: AdminContext = {
    config,
    names: host.names,
    logger,
    metrics: host.metrics,
    health: host.health,
    kafka: host.kafka,
    publisher: host.publisher,
    watches,
    guard: new UrlGuard({ allowCidrs: config.MARSAD_WEBHOOK_ALLOW_CIDRS }),
    actors: new ActorResolver(kb as ActorLookup | undefined),
    kbView,
    control: host.control,
  };
  return [ctx, kb?.size];
}

function adminWiring(ctx: AdminContext, kbSize: number | undefined): ServiceWiring {
  const { config } = ctx;
  return {
    module: AdminModule.forRoot(ctx),
    kafkaTopics: ['watches', 'articlesRaw'],
    http: {
      bodyParser: false,
      // Order matters: request log → /v1 authentication (before any body is read) → JSON body parser
      // with the size limit → JSON errors for bad bodies → Nest routes (roles guard, controllers).
      configure: (app) => {
        app.use(requestLog(ctx.logger, ctx.metrics));
        installEdge(app, config.MARSAD_MAX_BODY_BYTES); // early 413, timeouts, no X-Powered-By, single query values
        // Per-address limit in front of authentication, so guessing keys is throttled too (the per-key
        // limit, MARSAD_ADMIN_RATE_LIMIT, applies after authentication in RateLimitMiddleware).
        app.use('/v1', preAuthRateLimit(config.MARSAD_ADMIN_RATE_LIMIT * PRE_AUTH_FACTOR));
        app.use('/v1', apiKeyMiddleware(new ApiKeyVerifier(config.MARSAD_ADMIN_KEYS)));
        app.use(jsonBody(config.MARSAD_MAX_BODY_BYTES));
        app.use(bodyParserErrorHandler(config.MARSAD_MAX_BODY_BYTES));
      },
    },
    openApi: {
      title: 'Marsad admin API',
      description:
        'Operator API of Marsad (مرصد): watches, HTTP ingest. Every /v1 route needs "Authorization: Bearer <key>" (roles viewer < operator < admin).',
      bearerAuth: 'An API key from MARSAD_ADMIN_KEYS',
    },
    startupFields: { keys: config.MARSAD_ADMIN_KEYS.length, kb: kbSize ?? null },
  };
}

/** Counts every request (`marsad_http_requests_total`) and logs it — never the key, only its role and fingerprint. */
function requestLog(logger: Logger, metrics: PipelineMetrics) {
  const httpRequests = new Counter({
    name: 'marsad_http_requests_total',
    help: 'Admin API requests by method and status',
    labelNames: ['method', 'status'],
    registers: [metrics.registry],
  });
  return (req: AuthedRequest, res: Response, next: NextFunction) => {
    const t0 = process.hrtime.bigint();
    res.on('finish', () => {
      httpRequests.inc({ method: req.method, status: String(res.statusCode) });
      if (req.path.startsWith('/health') || req.path === '/metrics') return;
      logger.info('http request', {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - t0) / 1e6,
        role: req.principal?.role,
        keyId: req.principal?.keyId,
      });
    });
    next();
  };
}
