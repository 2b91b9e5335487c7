package org.opencti.core.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.contract.LiveCallStoreContract;
import org.opencti.core.cluster.LiveCall;
import org.opencti.core.cluster.LiveCallStore;

/** Against the local Redis, each test under its own key prefix. */
class RedisLiveCallStoreTest extends LiveCallStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private final RedisScratch scratch = new RedisScratch();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RedisLiveCallStore store = new RedisLiveCallStore(scratch.link(registry));
    private final String callsKey = scratch.prefix + "calls";

    @AfterEach
    void cleanUp() {
        scratch.close();
    }

    @Override
    protected LiveCallStore store() {
        return store;
    }

    private static LiveCall call(String id) {
        return new LiveCall(id, LiveCall.Stage.WAITING, "sales", id, "PJSIP/trunk-1", id, "+12025550143", null, T0,
            null, null, null, null, Map.of("tier", "Gold"));
    }

    @Test
    void eachCallIsOneJsonFieldOfTheCallsHash() {
        store.put(call("b1.1"));

        assertThat(scratch.raw().hkeys(callsKey)).containsExactly("b1.1");
        assertThat(scratch.raw().hget(callsKey, "b1.1")).isEqualTo("{\"callId\":\"b1.1\",\"stage\":\"WAITING\",\"queue\":\"sales\","
            + "\"callerUniqueId\":\"b1.1\",\"callerChannel\":\"PJSIP/trunk-1\",\"linkedId\":\"b1.1\",\"callerNumber\":\"+12025550143\","
            + "\"waitingSince\":\"2026-11-26T09:00:00Z\",\"data\":{\"tier\":\"Gold\"}}");
        store.remove("b1.1");
        assertThat(scratch.raw().exists(callsKey)).isZero();
    }

    @Test
    void anUnreadableCallIsLeftOutAndCountedAndTheOthersAreKept() {
        store.put(call("b1.1"));
        store.put(call("b1.2"));
        scratch.raw().hset(callsKey, "b1.3", "{not json");
        scratch.raw().hset(callsKey, "b1.4",
            "{\"callId\":\"b1.4\",\"stage\":\"DANCING\",\"queue\":\"q\",\"waitingSince\":\"2026-11-26T09:00:00Z\"}");
        scratch.raw().hset(callsKey, "b1.5", "{\"callId\":\"b1.5\",\"stage\":\"WAITING\",\"queue\":\"q\",\"waitingSince\":\"yesterday\"}");
        scratch.raw().hset(callsKey, "b1.6", "{\"callId\":\"b1.6\",\"stage\":\"WAITING\",\"waitingSince\":\"2026-11-26T09:00:00Z\"}");
        scratch.raw().hset(callsKey, "b1.7", RedisLiveCallStore.encode(call("b1.2")));
        scratch.raw().hset(callsKey, "b1.8", "[]");

        assertThat(store.all()).containsExactlyInAnyOrder(call("b1.1"), call("b1.2"));
        assertThat(registry.counter("cti.livecalls.unreadable").count()).isEqualTo(6.0);
        assertThat(scratch.raw().hlen(callsKey)).isEqualTo(8L);
    }

    @Test
    void fieldsANewerNodeAddsAreIgnored() {
        scratch.raw().hset(callsKey, "b1.1", "{\"callId\":\"b1.1\",\"stage\":\"WAITING\",\"queue\":\"sales\","
            + "\"waitingSince\":\"2026-11-26T09:00:00Z\",\"skill\":{\"fr\":3}}");

        assertThat(store.all()).containsExactly(new LiveCall("b1.1", LiveCall.Stage.WAITING, "sales", null, null, null, null,
            null, T0, null, null, null, null, null));
    }

    @Test
    void aCampaignConversationCarriesItsCampaignAsANumberAndAValueWithoutOneReadsAsAQueueCall() {
        LiveCall campaign = new LiveCall("o-b1.7", LiveCall.Stage.CONNECTED, "sales", "b1.7", "Local/+12025550111@cti-outbound-1;1",
            "b1.7", "+12025550111", null, T0, "2001", "b1.8", "Local/2001@agents-8;1", T0.plusSeconds(3), Map.of(), 7L);

        store.put(campaign);

        assertThat(scratch.raw().hget(callsKey, "o-b1.7")).endsWith(",\"data\":{},\"campaignId\":7}");
        assertThat(store.all()).containsExactly(campaign);
        store.put(call("b1.1"));
        assertThat(scratch.raw().hget(callsKey, "b1.1")).doesNotContain("campaignId");
        assertThat(store.all()).filteredOn(c -> c.callId().equals("b1.1")).singleElement()
            .satisfies(c -> assertThat(c.campaignId()).isNull());
    }

    @Test
    void aCampaignIdThatIsNotAWholeNumberMakesTheCallUnreadable() {
        String base = "{\"callId\":\"%s\",\"stage\":\"CONNECTED\",\"queue\":\"q\",\"waitingSince\":\"2026-11-26T09:00:00Z\","
            + "\"campaignId\":%s}";
        scratch.raw().hset(callsKey, "o-1", String.format(base, "o-1", "\"7\""));
        scratch.raw().hset(callsKey, "o-2", String.format(base, "o-2", "7.5"));
        scratch.raw().hset(callsKey, "o-3", String.format(base, "o-3", "123456789012345678901234567890"));
        scratch.raw().hset(callsKey, "o-4", String.format(base, "o-4", "null"));

        assertThat(store.all()).extracting(LiveCall::callId).containsExactly("o-4");
        assertThat(registry.counter("cti.livecalls.unreadable").count()).isEqualTo(3.0);
    }
}
