import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { BatchHandler, InboundMessage } from '@marsad/messaging';
import { KafkaBatchContext } from '@marsad/messaging/nest';

export const ENRICH_HANDLER = Symbol('ENRICH_HANDLER');

/** `marsad.articles.raw` → enrich → `marsad.articles.enriched`: a thin adapter over createEnrichHandler. */
@Controller()
export class EnrichConsumer {
  constructor(@Inject(ENRICH_HANDLER) private readonly enrich: BatchHandler) {}

  @EventPattern('articlesRaw')
  handle(@Payload() messages: InboundMessage[], @Ctx() ctx: KafkaBatchContext) {
    return this.enrich(messages, ctx.handler);
  }
}
