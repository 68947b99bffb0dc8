import { BaseRpcContext, Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { TOPIC, type Names, type TopicKey } from '@marsad/contracts';
import type { InboundMessage } from '../message';
import type { BatchHandler, ConsumerRunner, HandlerContext, HandlerResult } from '../runner';

/** `@Ctx()` of a Marsad consumer handler: the runner's context of the chunk (topic, partition, attempt, heartbeat, abort signal). */
export class KafkaBatchContext extends BaseRpcContext<[HandlerContext]> {
  get handler(): HandlerContext {
    return this.args[0];
  }
}

/** Where the transport binds each `@EventPattern(<topic key>)` handler: the app's ConsumerRunner for that topic. */
export type BindConsumer = (topicKey: TopicKey, handler: BatchHandler) => void;

/**
 * Kafka consumers as Nest microservice handlers (ADR 0010). Each consuming app declares
 *
 *   @EventPattern('articlesRaw') enrich(@Payload() messages: InboundMessage[], @Ctx() ctx: KafkaBatchContext)
 *
 * and this strategy hands that method, as a batch handler, to the app's ConsumerRunner for the
 * topic key (namespaced with MARSAD_NAMESPACE by the app's `names`). Everything else stays the
 * runner's: one partition's chunk per call, commit after the side effect, DLQ with the reason from
 * the returned HandlerResult, retry then pause on a throw, wedge detection, drain on shutdown. The
 * runners are stopped by the app's pipeline (before the HTTP server closes), so close() has nothing
 * left to do.
 */
export class KafkaConsumerTransport extends Server implements CustomTransportStrategy {
  constructor(private readonly bind: BindConsumer) {
    super();
  }

  listen(callback: (err?: unknown) => void): void {
    try {
      for (const [pattern, handler] of this.getHandlers()) {
        if (!(pattern in TOPIC)) {
          throw new Error(`@EventPattern('${pattern}') is not a topic key: use one of ${Object.keys(TOPIC).join(', ')}`);
        }
        this.bind(pattern as TopicKey, async (messages: InboundMessage[], ctx: HandlerContext) => {
          // Nest's exception filters turn a throw into an erroring Observable: lastValueFrom rethrows
          // it, so the runner sees the failure (retry, pause, nothing committed).
          const result = await lastValueFrom(this.transformToObservable(await handler(messages, new KafkaBatchContext([ctx]))), {
            defaultValue: undefined,
          });
          return (result ?? undefined) as HandlerResult | void;
        });
      }
      callback();
    } catch (err) {
      callback(err);
    }
  }

  close(): void {
    // The runners belong to the pipeline, which drains and stops them on shutdown.
  }

  on(): void {
    throw new Error('KafkaConsumerTransport has no events to subscribe to');
  }

  unwrap<T>(): T {
    throw new Error('KafkaConsumerTransport wraps ConsumerRunner instances; use the pipeline');
  }
}

/** Binds each topic key to the runner that consumes that (namespaced) topic. */
export function bindRunners(names: Names, runners: readonly ConsumerRunner[]): BindConsumer {
  return (key, handler) => {
    const topic = names.topic(key);
    const runner = runners.find((r) => r.topics.includes(topic));
    if (!runner) throw new Error(`@EventPattern('${key}'): this service consumes no ${topic}`);
    runner.setHandler(handler);
  };
}
