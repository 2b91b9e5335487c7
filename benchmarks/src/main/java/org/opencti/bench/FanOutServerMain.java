package org.opencti.bench;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.opencti.config.AgentDef;
import org.opencti.config.ConfigLoader;
import org.opencti.config.ContactCentreConfig;
import org.opencti.server.ContactCentre;
import org.opencti.server.Stores;

/**
 * The CTI node for a fan-out run whose agents do not fit into a config file (see {@link FanOutConfig}): exactly what
 * {@code cti-server run --config FILE} does ({@link ContactCentre} on {@link Stores#from}), after adding the
 * generated agents to the loaded file. Started by {@link ServerProcess} as its own JVM so that its heap is measured
 * alone.
 *
 * <p>{@code java -Xmx1g -cp benchmarks/target/benchmarks.jar org.opencti.bench.FanOutServerMain FILE AGENTS}
 */
public final class FanOutServerMain {
    private FanOutServerMain() {
    }

    public static void main(String[] args) throws Exception {
        ContactCentreConfig loaded = ConfigLoader.load(Path.of(args[0]), System.getenv());
        int agents = Integer.parseInt(args[1]);
        String hash = loaded.agents().get(0).passwordHash();
        List<AgentDef> all = new ArrayList<>(loaded.agents());
        all.addAll(FanOutConfig.agents(agents, hash));
        ContactCentreConfig c = new ContactCentreConfig(loaded.skills(), loaded.queues(), loaded.teams(), all, loaded.ami(),
            loaded.fastAgi(), loaded.http(), loaded.postgres(), loaded.redis(), loaded.defaultRegion(), loaded.defaultQueue(),
            loaded.routing(), loaded.tiers(), loaded.calendars(), loaded.queueLogFile(), loaded.ivrMenuFile(), loaded.boxes(),
            loaded.timeZone(), loaded.desk(), loaded.cluster());
        // as the server's main does: the stores' figures (pool, Redis, what waits for PostgreSQL) on the node's /metrics
        PrometheusMeterRegistry metrics = ContactCentre.newRegistry();
        Stores stores = Stores.from(c, metrics);
        ContactCentre centre = new ContactCentre(c, stores, Clock.systemUTC(), metrics).start();
        System.out.println("fan-out node up with " + all.size() + " users");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                centre.close();
                stores.close();
            } catch (Exception e) {
                System.err.println("shutdown: " + e);
            }
            stopped.countDown();
        }, "fan-out-shutdown"));
        stopped.await();
    }
}
