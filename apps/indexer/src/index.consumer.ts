import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { BatchHandler, InboundMessage } from '@marsad/messaging';
import { KafkaBatchContext } from '@marsad/messaging/nest';

export const INDEX_HANDLER = Symbol('INDEX_HANDLER');

/** `marsad.articles.enriched` → one Elasticsearch bulk per chunk: a thin adapter over createIndexHandler. */
@Controller()
export class IndexConsumer {
  constructor(@Inject(INDEX_HANDLER) private readonly index: BatchHandler) {}

  @EventPattern('articlesEnriched')
  handle(@Payload() messages: InboundMessage[], @Ctx() ctx: KafkaBatchContext) {
    return this.index(messages, ctx.handler);
  }
}
