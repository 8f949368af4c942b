package io.fieldsales.platform.embedded;

import java.util.LinkedHashMap;
import java.util.Map;

/** Broker settings every single-node KRaft broker of ours needs, whether the test kit's or the local stack's. */
public final class SingleNodeKafka {

    private SingleNodeKafka() {
    }

    /**
     * With one node the internal topics must not ask for more replicas than exist, or consumer groups and
     * transactions never work (PITFALLS 12); a new consumer group must not wait 3 s for its first assignment; topics
     * a service uses before anyone created them get 3 partitions, replication factor 1.
     */
    public static Map<String, String> brokerProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        return p;
    }
}
