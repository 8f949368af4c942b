package io.fieldsales.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/** The objects {@code kubectl kustomize} renders, parsed strictly: Kubernetes kinds with fabric8's model. */
final class RenderedObjects {

    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /** The Kubernetes kinds the suite uses, by apiVersion/kind; anything else must be a known operator's resource. */
    static final Map<String, Class<? extends KubernetesResource>> KINDS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    static final Set<String> OPERATOR_GROUPS = Set.of("kafka.strimzi.io", "postgresql.cnpg.io",
            "monitoring.coreos.com");

    private RenderedObjects() {
    }

    /** Every document of a multi-document YAML stream. */
    static List<JsonNode> documents(String yaml) throws java.io.IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !n.isEmpty()) {
                    docs.add(n);
                }
            }
        }
        return docs;
    }

    static String key(JsonNode o) {
        return o.path("apiVersion").asText() + "/" + o.path("kind").asText();
    }

    static String label(JsonNode o) {
        return key(o) + " " + o.path("metadata").path("name").asText();
    }

    static boolean isOperatorResource(JsonNode o) {
        String apiVersion = o.path("apiVersion").asText();
        return apiVersion.contains("/") && OPERATOR_GROUPS.contains(apiVersion.substring(0, apiVersion.indexOf('/')));
    }

    /**
     * Parses a Kubernetes object with fabric8's model and fails on any field the model does not know (fabric8 keeps
     * unknown fields in additionalProperties instead of failing: they are looked for everywhere in the tree).
     */
    static KubernetesResource parseStrictly(JsonNode o) throws Exception {
        Class<? extends KubernetesResource> type = KINDS.get(key(o));
        if (type == null) {
            throw new AssertionError(label(o) + ": not a kind the suite's manifests use (add it to RenderedObjects.KINDS"
                    + " if it is meant to be there)");
        }
        KubernetesResource parsed = JSON.treeToValue(o, type);
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(parsed, "", unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (!unknown.isEmpty()) {
            throw new AssertionError(label(o) + ": fields the Kubernetes API does not know: " + unknown);
        }
        return parsed;
    }

    private static void collectUnknownFields(Object value, String path, List<String> unknown, Set<Object> seen)
            throws Exception {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                collectUnknownFields(e.getValue(), path + "[" + e.getKey() + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (PropertyDescriptor d : Introspector.getBeanInfo(value.getClass(), Object.class).getPropertyDescriptors()) {
            Method getter = d.getReadMethod();
            if (getter == null) {
                continue;
            }
            Object v = getter.invoke(value);
            if (d.getName().equals("additionalProperties")) {
                if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> unknown.add(path + "." + k));
                }
                continue;
            }
            collectUnknownFields(v, path + "." + d.getName(), unknown, seen);
        }
    }
}
