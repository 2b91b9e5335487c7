package org.opencti.server;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opencti.acd.AcdService;
import org.opencti.core.cluster.FloorLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the node does as its hold on the floor changes: gaining it, the ACD takes the calls and agents over, then the
 * campaigns stored as running and the agents' scheduled callbacks are picked up here; losing it, the ACD stops routing at
 * once and the campaign runners stop (the campaigns stay stored as running for the next holder); held on under a new epoch
 * (the store lost the lease), the ACD writes back what it knows. Called on the floor's thread, which may wait.
 */
final class FloorDuty implements NodeFloor.Changes {
    private static final Logger LOG = LoggerFactory.getLogger(FloorDuty.class);
    private static final Duration TAKEOVER_DEADLINE = Duration.ofSeconds(30);

    private final AcdService acd;
    private final CampaignRunners campaigns;
    private final Executor worker;

    FloorDuty(AcdService acd, CampaignRunners campaigns, Executor worker) {
        this.acd = acd;
        this.campaigns = campaigns;
        this.worker = worker;
    }

    @Override
    public void gained(FloorLease.Tenure tenure) {
        await(acd.takeFloor(tenure), "take the floor over");
        worker.execute(campaigns::resumeRunning);
        acd.desk().restore().whenComplete((v, e) -> {
            if (e != null) {
                LOG.warn("scheduled callbacks not restored after the takeover: {}", e.toString());
            }
        });
    }

    @Override
    public void renewedUnder(FloorLease.Tenure tenure) {
        await(acd.keepFloorUnder(tenure), "write the floor back");
    }

    @Override
    public void lost() {
        acd.leaveFloor();
        worker.execute(campaigns::standDown);
    }

    private static void await(CompletionStage<?> stage, String what) {
        try {
            stage.toCompletableFuture().get(TAKEOVER_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + ": not done within " + TAKEOVER_DEADLINE.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted", e);
        }
    }
}
