package org.opencti.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.opencti.acd.sim.Scenario;
import org.opencti.acd.sim.ScenarioException;
import org.opencti.acd.sim.Simulation;
import org.opencti.config.ConfigException;
import org.opencti.config.ConfigLoader;
import org.opencti.config.ContactCentreConfig;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The command line: {@code demo} (everything on this machine, simulated PBX, in-memory stores),
 * {@code run --config FILE} (against a real Asterisk), {@code check --config FILE} (validate and exit).
 */
public final class CtiServerMain {
    private CtiServerMain() {
    }

    public static void main(String[] args) throws Exception {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        String command = args.length == 0 ? "help" : args[0];
        try {
            switch (command) {
                case "demo" -> runUntilStopped(Demo.start(DemoOptions.parse(args)));
                case "run" -> {
                    ContactCentreConfig config = ConfigLoader.load(configPath(args), System.getenv());
                    PrometheusMeterRegistry metrics = ContactCentre.newRegistry();
                    Stores stores = Stores.from(config, metrics);
                    ContactCentre centre = new ContactCentre(config, stores, Clock.systemUTC(), metrics).start();
                    runUntilStopped(() -> {
                        centre.close();
                        stores.close();
                    });
                }
                case "check" -> {
                    ContactCentreConfig config = ConfigLoader.load(configPath(args), System.getenv());
                    List<String> ivr = IvrSetup.check(config);
                    System.out.printf("OK: %d skills, %d queues, %d teams, %d agents%n", config.skills().size(),
                        config.queues().size(), config.teams().size(), config.agents().size());
                    ivr.forEach(System.out::println);
                }
                case "sample-config" -> System.out.print(ConfigLoader.sampleText());
                case "simulate" -> {
                    if (args.length < 2) {
                        throw new IllegalArgumentException("simulate needs a scenario file (sample-scenario prints one)");
                    }
                    Simulation.run(Scenario.load(Path.of(args[1]))).print(System.out);
                }
                case "sample-scenario" -> System.out.print(Scenario.sampleText());
                default -> usage();
            }
        } catch (ConfigException | ScenarioException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("error: no such file: " + e.getFile());
            System.exit(2);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage();
            System.exit(2);
        }
    }

    private static Path configPath(String[] args) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--config")) {
                return Path.of(args[i + 1]);
            }
        }
        throw new IllegalArgumentException("--config FILE is required");
    }

    private static void runUntilStopped(AutoCloseable parts) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                parts.close();
            } catch (Exception e) {
                // shutting down: report and let the JVM exit
                System.err.println("shutdown: " + e);
            }
            stopped.countDown();
        }, "cti-shutdown"));
        stopped.await();
    }

    private static void usage() {
        System.out.println("""
            usage: cti-server demo [--http-port N] [--call-every SECONDS]
                       the whole contact centre on this machine: simulated PBX, in-memory stores, desktop on localhost
                   cti-server run --config contact-centre.yaml
                       a CTI node beside a real Asterisk (see asterisk/README.md)
                   cti-server check --config contact-centre.yaml
                       validate a configuration (and its IVR menu file: the sound files it needs) and exit
                   cti-server sample-config
                       print the commented sample configuration
                   cti-server simulate SCENARIO.yaml
                       run the real router on virtual time over a scenario and print KPIs per queue and tier
                   cti-server sample-scenario
                       print the commented sample scenario""");
    }
}
