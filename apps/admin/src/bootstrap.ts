import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { NextFunction, Response } from 'express';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Counter } from 'prom-client';
import { loadAdminConfig, mergeEnv } from '@marsad/config';
import { KbChangeSchema, WatchSchema, names as namesFor, type KbChange, type Watch } from '@marsad/contracts';
import { UrlGuard } from '@marsad/alerts';
import { loadKnowledgeBase } from '@marsad/kb';
import {
  CompactedTopicView,
  KafkaHealthIndicator,
  Publisher,
  compressionType,
  createKafka,
  ensureTopicsWhenReachable,
} from '@marsad/messaging';
import { HealthRegistry, PipelineMetrics, errorFields, serviceLogger } from '@marsad/observability';
import { NestJsonLogger } from '@marsad/observability/nest';
import { AdminModule } from './admin.module';
import { ApiKeyVerifier } from './auth/api-keys';
import { apiKeyMiddleware, type AuthedRequest } from './auth/auth';
import { PRE_AUTH_FACTOR, preAuthRateLimit } from './ratelimit/rate-limit.middleware';
import { bodyParserErrorHandler } from './http/errors';
import { installEdge, jsonBody } from './http/edge';
import { ActorResolver, type ActorLookup } from './watches/actor-resolver';
import type { AdminContext } from './context';

export interface AdminHandle {
  app: INestApplication;
  port: number;
  ctx: AdminContext;
  /** Resolves when the watches view has caught up with marsad.watches. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface BootstrapOptions {
  logFile?: string;
  port?: number;
}

/**
 * Starts the admin API (operator surface): API-key auth on /v1, watches (compacted
 * marsad.watches), HTTP ingest to marsad.articles.raw, OpenAPI at /docs and /docs-json, health and
 * metrics. Refuses to start without MARSAD_ADMIN_KEYS (ConfigError names it).
 */
export async function bootstrapAdmin(env?: Record<string, string | undefined>, opts: BootstrapOptions = {}): Promise<AdminHandle> {
  // `env` overrides process.env (tests pass MARSAD_NAMESPACE, PORT...); undefined deletes a variable.
  const config = loadAdminConfig(mergeEnv(env));
  const { logger, close: closeLog } = serviceLogger('admin', config.LOG_LEVEL, opts.logFile);
  const names = namesFor(config.MARSAD_NAMESPACE);
  const metrics = new PipelineMetrics('admin');
  const health = new HealthRegistry(3000, (name, up) => metrics.dependencyUp.set({ dependency: name }, up ? 1 : 0));
  const kafka = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: 'marsad-admin',
    logger,
    unregisterCodecs: config.MARSAD_TEST_UNREGISTER_CODEC,
  });
  const publisher = new Publisher(kafka, { logger, metrics, compression: compressionType(config.MARSAD_KAFKA_COMPRESSION) });
  const watches = new CompactedTopicView<Watch>({
    kafka,
    topic: names.topic('watches'),
    groupIdPrefix: names.consumerGroup('admin-watches'),
    schema: WatchSchema as never,
    logger,
    metrics,
  });

  // Knowledge base for actor-name resolution, kept current from marsad.kb like the enricher's.
  let kb: ReturnType<typeof loadKnowledgeBase> | undefined;
  let kbView: CompactedTopicView<KbChange> | undefined;
  try {
    kb = loadKnowledgeBase();
    kbView = new CompactedTopicView<KbChange>({
      kafka,
      topic: names.topic('kb'),
      groupIdPrefix: names.consumerGroup('admin-kb'),
      schema: KbChangeSchema as never,
      logger,
      metrics,
    });
    const k = kb;
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
    names,
    logger,
    metrics,
    health,
    kafka,
    publisher,
    watches,
    guard: new UrlGuard({ allowCidrs: config.MARSAD_WEBHOOK_ALLOW_CIDRS }),
    actors: new ActorResolver(kb as ActorLookup | undefined),
    kbView,
  };

  const app = await NestFactory.create(AdminModule.forRoot(ctx), {
    logger: new NestJsonLogger(logger),
    abortOnError: false,
    bodyParser: false,
  });
  const httpRequests = new Counter({
    name: 'marsad_http_requests_total',
    help: 'Admin API requests by method and status',
    labelNames: ['method', 'status'],
    registers: [metrics.registry],
  });

  // Order matters: request log → /v1 authentication (before any body is read) → JSON body parser
  // with the size limit → JSON errors for bad bodies → Nest routes (roles guard, controllers).
  app.use((req: AuthedRequest, res: Response, next: NextFunction) => {
    const t0 = process.hrtime.bigint();
    res.on('finish', () => {
      httpRequests.inc({ method: req.method, status: String(res.statusCode) });
      if (req.path.startsWith('/health') || req.path === '/metrics') return;
      // Never the Authorization header or the key: only the role and the key's short fingerprint.
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
  });
  installEdge(app, config.MARSAD_MAX_BODY_BYTES); // early 413, timeouts, no X-Powered-By, single query values
  // Per-address limit in front of authentication, so guessing keys is throttled too (the per-key
  // limit, MARSAD_ADMIN_RATE_LIMIT, applies after authentication in RateLimitMiddleware).
  app.use('/v1', preAuthRateLimit(config.MARSAD_ADMIN_RATE_LIMIT * PRE_AUTH_FACTOR));
  app.use('/v1', apiKeyMiddleware(new ApiKeyVerifier(config.MARSAD_ADMIN_KEYS)));
  app.use(jsonBody(config.MARSAD_MAX_BODY_BYTES));
  app.use(bodyParserErrorHandler(config.MARSAD_MAX_BODY_BYTES));

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Marsad admin API')
      .setDescription(
        'Operator API of Marsad (مرصد): watches, HTTP ingest. Every /v1 route needs "Authorization: Bearer <key>" (roles viewer < operator < admin).',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key from MARSAD_ADMIN_KEYS' })
      .build(),
  );
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json' });

  const kafkaHealth = new KafkaHealthIndicator(kafka, [names.topic('watches'), names.topic('articlesRaw')]);
  health.add(kafkaHealth).add({
    name: 'watches',
    check: async () => {
      if (!watches.caughtUp) throw new Error('still replaying marsad.watches');
    },
  });
  if (kbView) {
    const view = kbView;
    health.add({
      name: 'kb',
      check: async () => {
        if (!view.caughtUp) throw new Error('still replaying marsad.kb');
      },
    });
  }

  // Background start (never blocks the HTTP server; retries while Kafka is away): ensure the
  // topics exist (idempotent, same specs as every service), then follow watches and the KB.
  const abort = new AbortController();
  const started = (async () => {
    await ensureTopicsWhenReachable(kafka, names, config, { logger, signal: abort.signal });
    if (abort.signal.aborted) return;
    void watches.start();
    void kbView?.start();
  })();
  void publisher.connect().catch((err) => logger.warn('Kafka producer not connected yet (will retry on first publish)', errorFields(err)));

  await app.listen(opts.port ?? config.PORT, config.HOST);
  const port = (app.getHttpServer().address() as AddressInfo).port;
  logger.info('admin API started', {
    port,
    host: config.HOST,
    namespace: config.MARSAD_NAMESPACE ?? null,
    keys: config.MARSAD_ADMIN_KEYS.length,
    kb: kb ? kb.size : null,
  });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      logger.info('admin API shutting down');
      abort.abort();
      await started.catch(() => undefined);
      await app.close();
      await watches.stop();
      await kbView?.stop();
      await kafkaHealth.close();
      await publisher.disconnect().catch(() => undefined);
      logger.info('admin API stopped');
      await closeLog();
    })());

  return { app, port, ctx, ready: () => watches.ready(), close };
}
