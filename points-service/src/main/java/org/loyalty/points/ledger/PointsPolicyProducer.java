package org.loyalty.points.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

public class PointsPolicyProducer {

    @Produces
    @ApplicationScoped
    PointsPolicy pointsPolicy(PointsConfig config) {
        return new PointsPolicy(config.earn().unitAmount(), config.pendingDays(), config.currencies());
    }
}
