package io.peregrine.kubernetes.rules;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.peregrine.kubernetes.render.ManifestSet;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names, namespaces and labels as the API server validates them (DNS-1123 names, qualified label
 * keys, label values), plus Peregrine's own: everything in namespace peregrine, labelled part-of.
 */
final class NameRules {

    static final String NAMESPACE = "peregrine";
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DATA_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Set<Class<?>> CLUSTER_SCOPED = Set.of(Namespace.class, ClusterRole.class, ClusterRoleBinding.class);

    private NameRules() {
    }

    static void check(ManifestSet set, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (HasMetadata o : set.objects()) {
            String id = Ids.of(o);
            var md = o.getMetadata();
            if (md == null || md.getName() == null || md.getName().isEmpty()) {
                problems.add(o.getKind() + ": metadata.name is required");
                continue;
            }
            boolean labelName = o instanceof Service || o instanceof Namespace;
            if (labelName ? !dnsLabel(md.getName()) : !dnsSubdomain(md.getName())) {
                problems.add(id + ": name is not a DNS-1123 " + (labelName ? "label" : "subdomain"));
            }
            if (CLUSTER_SCOPED.contains(o.getClass())) {
                if (md.getNamespace() != null) {
                    problems.add(id + ": cluster-scoped kind must not have a namespace");
                }
            } else if (!NAMESPACE.equals(md.getNamespace())) {
                problems.add(id + ": namespace is " + md.getNamespace() + ", expected " + NAMESPACE);
            }
            if (!seen.add(o.getKind() + "/" + md.getNamespace() + "/" + md.getName())) {
                problems.add(id + ": defined twice");
            }
            labels(id + " metadata.labels", md.getLabels(), problems);
            if (md.getLabels() == null || !"peregrine".equals(md.getLabels().get("app.kubernetes.io/part-of"))) {
                problems.add(id + ": label app.kubernetes.io/part-of=peregrine is missing");
            }
            if (md.getAnnotations() != null) {
                md.getAnnotations().keySet().forEach(k -> key(id + " annotation", k, problems));
            }
            if (o instanceof ConfigMap c) {
                dataKeys(id, c.getData(), problems);
                dataKeys(id, c.getBinaryData(), problems);
            }
            if (o instanceof Secret s) {
                dataKeys(id, s.getData(), problems);
                dataKeys(id, s.getStringData(), problems);
            }
        }
        if (set.find(Namespace.class, NAMESPACE).isEmpty()) {
            problems.add("Namespace " + NAMESPACE + " is not defined");
        }
    }

    static void labels(String where, Map<String, String> labels, List<String> problems) {
        if (labels == null) {
            return;
        }
        labels.forEach((k, v) -> {
            key(where, k, problems);
            if (v.length() > 63 || !(v.isEmpty() || LABEL_NAME.matcher(v).matches())) {
                problems.add(where + ": label value '" + v + "' of " + k + " is not a valid label value");
            }
        });
    }

    static boolean dnsLabel(String s) {
        return s.length() <= 63 && DNS_LABEL.matcher(s).matches();
    }

    static boolean dnsSubdomain(String s) {
        return s.length() <= 253 && DNS_SUBDOMAIN.matcher(s).matches();
    }

    private static void key(String where, String k, List<String> problems) {
        int slash = k.indexOf('/');
        String prefix = slash < 0 ? null : k.substring(0, slash);
        String name = slash < 0 ? k : k.substring(slash + 1);
        if ((prefix != null && !dnsSubdomain(prefix)) || name.length() > 63 || !LABEL_NAME.matcher(name).matches()) {
            problems.add(where + ": key '" + k + "' is not a qualified name");
        }
    }

    private static void dataKeys(String id, Map<String, String> data, List<String> problems) {
        if (data != null) {
            data.keySet().stream().filter(k -> k.length() > 253 || !DATA_KEY.matcher(k).matches())
                    .forEach(k -> problems.add(id + ": data key '" + k + "' is not valid"));
        }
    }
}
