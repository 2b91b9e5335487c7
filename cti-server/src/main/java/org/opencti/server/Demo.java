package org.opencti.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.opencti.config.ConfigLoader;
import org.opencti.config.ContactCentreConfig;
import org.opencti.core.adapter.postgres.SampleCustomers;
import org.opencti.pbxsim.PbxSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole contact centre on one machine: the sample configuration, a simulated Asterisk on loopback,
 * in-memory stores seeded with sample customers, and a stream of simulated callers.
 */
public final class Demo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

    private final PbxSimulator pbx;
    private final Stores stores;
    private final ContactCentre centre;
    private final DemoCallers callers;

    private Demo(PbxSimulator pbx, Stores stores, ContactCentre centre, DemoCallers callers) {
        this.pbx = pbx;
        this.stores = stores;
        this.centre = centre;
        this.callers = callers;
    }

    public static Demo start(DemoOptions options) throws Exception {
        // A fresh AMI secret per run: the simulated PBX listens on loopback only, but nothing should guess it.
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        PbxSimulator pbx = new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, "cti", secret, "127.0.0.1", 0,
            Clock.systemUTC())).start();
        Map<String, String> env = new HashMap<>();
        env.put("CTI_AMI_HOST", "127.0.0.1");
        env.put("CTI_AMI_PORT", Integer.toString(pbx.amiPort()));
        env.put("CTI_AMI_USERNAME", "cti");
        env.put("CTI_AMI_SECRET", secret);
        env.put("CTI_FASTAGI_HOST", "127.0.0.1");
        env.put("CTI_FASTAGI_PORT", "0");
        env.put("CTI_HTTP_HOST", "127.0.0.1");
        env.put("CTI_HTTP_PORT", Integer.toString(options.httpPort()));
        ContactCentreConfig config = ConfigLoader.sample(env);
        Stores stores = Stores.inMemory();
        SampleCustomers.seed(stores.customers());
        ContactCentre centre = new ContactCentre(config, stores, Clock.systemUTC()).start();
        pbx.routeIvrTo("127.0.0.1", centre.fastAgiPort());
        DemoCallers callers = new DemoCallers(pbx, options.callEverySeconds()).start();
        DemoCampaign.start(centre, stores, pbx, config.defaultRegion(), Clock.systemUTC());
        LOG.info("Demo ready: open http://localhost:{}/ and log in as agent 2001 (also 2002-2004; supervisors 3001 and 3002), "
            + "password \"demo\"; a simulated caller dials in every {} s; agents 2003 and 2004 also work the progressive campaign"
            + " \"Demo renewals\" when ready (inbound callers first; supervisor 3002 watches it)", centre.httpPort(),
            options.callEverySeconds());
        return new Demo(pbx, stores, centre, callers);
    }

    public ContactCentre centre() {
        return centre;
    }

    public PbxSimulator pbx() {
        return pbx;
    }

    @Override
    public void close() {
        callers.close();
        centre.close();
        pbx.close();
        stores.close();
    }
}
