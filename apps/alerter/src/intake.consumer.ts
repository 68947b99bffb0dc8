import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { BatchHandler, InboundMessage } from '@marsad/messaging';
import { KafkaBatchContext } from '@marsad/messaging/nest';

/** Holds the intake handler, built once the alerts queue exists (after the Nest app's init). */
export interface AlertIntake {
  handle?: BatchHandler;
}
export const ALERT_INTAKE = Symbol('ALERT_INTAKE');

/** `marsad.articles.enriched` → match watches → BullMQ `alerts`: a thin adapter over alertIntakeHandler. */
@Controller()
export class AlertIntakeConsumer {
  constructor(@Inject(ALERT_INTAKE) private readonly intake: AlertIntake) {}

  @EventPattern('articlesEnriched')
  handle(@Payload() messages: InboundMessage[], @Ctx() ctx: KafkaBatchContext) {
    if (!this.intake.handle) throw new Error('alert intake not initialised yet');
    return this.intake.handle(messages, ctx.handler);
  }
}
