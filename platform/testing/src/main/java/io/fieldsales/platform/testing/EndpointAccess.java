package io.fieldsales.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds JAX-RS endpoints that declare no access rule. The kit denies such endpoints at run time
 * ({@code quarkus.security.jaxrs.deny-unannotated-endpoints=true}); this scan makes the omission a failing test
 * instead of a closed endpoint found in production. Each service's test:
 * {@code assertThat(EndpointAccess.undeclared("io.fieldsales.customer")).isEmpty()}.
 */
public final class EndpointAccess {

    private static final Set<String> ACCESS_RULES = Set.of("jakarta.annotation.security.RolesAllowed",
            "jakarta.annotation.security.PermitAll", "jakarta.annotation.security.DenyAll",
            "io.quarkus.security.Authenticated", "io.quarkus.security.PermissionsAllowed");
    private static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
    private static final String PATH = "jakarta.ws.rs.Path";

    private EndpointAccess() {
    }

    /**
     * Every resource method under the package (main classes only) without an access rule on it or its class. REST
     * client interfaces (calls this service makes) are not endpoints and are left out.
     */
    public static List<String> undeclared(String basePackage) {
        List<String> found = new ArrayList<>();
        for (Class<?> type : mainClasses(basePackage)) {
            boolean classRule = hasAccessRule(type);
            for (Method method : type.getDeclaredMethods()) {
                if (isResourceMethod(method) && !classRule && !hasAccessRule(method)) {
                    found.add(type.getName() + "#" + method.getName());
                }
            }
        }
        Collections.sort(found);
        return found;
    }

    /** How many resource methods the package has (a scan that finds none proves nothing). */
    public static int resourceMethods(String basePackage) {
        int count = 0;
        for (Class<?> type : mainClasses(basePackage)) {
            for (Method method : type.getDeclaredMethods()) {
                count += isResourceMethod(method) ? 1 : 0;
            }
        }
        return count;
    }

    private static boolean isResourceMethod(Method method) {
        if (method.isSynthetic() || method.isBridge()) {
            return false;
        }
        for (Annotation a : method.getAnnotations()) {
            if (a.annotationType().getName().equals(PATH)) {
                return true;
            }
            for (Annotation meta : a.annotationType().getAnnotations()) {
                if (meta.annotationType().getName().equals(HTTP_METHOD)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasAccessRule(AnnotatedElement element) {
        for (Annotation a : element.getAnnotations()) {
            if (ACCESS_RULES.contains(a.annotationType().getName())) {
                return true;
            }
        }
        return false;
    }

    private static List<Class<?>> mainClasses(String basePackage) {
        String dir = basePackage.replace('.', '/');
        List<Class<?>> classes = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            for (URL url : Collections.list(loader.getResources(dir))) {
                if (!"file".equals(url.getProtocol()) || url.getPath().contains("/test-classes/")) {
                    continue;
                }
                Path root = Path.of(url.toURI());
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        String relative = root.relativize(file).toString().replace('\\', '/');
                        String name = basePackage + "." + relative.substring(0, relative.length() - 6)
                                .replace('/', '.');
                        Class<?> type = Class.forName(name, false, loader);
                        if (!type.isInterface()) {
                            classes.add(type);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }
}
