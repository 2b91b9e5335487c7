package org.opencti.pbxsim;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone:
 * {@code java -cp ... org.opencti.pbxsim.PbxSimMain --ami-port 5038 --fastagi 127.0.0.1:4573 --user cti --secret cti-secret}.
 * {@code --fastagi none} disables the IVR; {@code --host} sets the AMI bind address (default 127.0.0.1).
 */
public final class PbxSimMain {
    private PbxSimMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 5038;
        String user = "cti";
        String secret = "cti-secret";
        String agiHost = "127.0.0.1";
        int agiPort = 4573;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if ("--help".equals(flag) || "-h".equals(flag)) {
                usage();
                return;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--ami-port" -> port = Integer.parseInt(value);
                case "--host" -> host = value;
                case "--user" -> user = value;
                case "--secret" -> secret = value;
                case "--fastagi" -> {
                    if ("none".equalsIgnoreCase(value)) {
                        agiHost = null;
                    } else {
                        int colon = value.lastIndexOf(':');
                        agiHost = colon < 0 ? value : value.substring(0, colon);
                        agiPort = colon < 0 ? 4573 : Integer.parseInt(value.substring(colon + 1));
                    }
                }
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        PbxSimulator sim = new PbxSimulator(new PbxSimulator.Settings(host, port, user, secret, agiHost, agiPort,
            Clock.systemUTC()));
        sim.start();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }, "pbx-sim-shutdown"));
        System.out.println("pbx-sim: AMI on " + host + ":" + sim.amiPort() + " (user " + user + "), FastAGI "
            + (agiHost == null ? "off" : agiHost + ":" + agiPort));
        stop.await();
    }

    private static void usage() {
        System.out.println("usage: PbxSimMain [--ami-port 5038] [--host 127.0.0.1] [--fastagi host:port|none]"
            + " [--user cti] [--secret cti-secret]");
    }
}
