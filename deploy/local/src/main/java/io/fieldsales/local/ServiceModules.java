package io.fieldsales.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which services of the catalogue this repository has, and their built jars. */
final class ServiceModules {

    private ServiceModules() {
    }

    /**
     * The services whose module exists, with their jar (null for a service given as a command); reports the missing
     * modules as skipped and fails if a present one is not built.
     */
    static Map<ServiceSpec, Path> present(StackOptions options, StackConsole console) throws StackStartException {
        Map<ServiceSpec, Path> present = new LinkedHashMap<>();
        List<String> unbuilt = new ArrayList<>();
        for (ServiceSpec s : options.services()) {
            if (!s.command().isEmpty()) {
                present.put(s, null);
                continue;
            }
            Optional<Path> module = options.moduleRoots().stream().map(r -> r.resolve(s.moduleDir()))
                    .filter(m -> Files.exists(m.resolve("pom.xml"))).findFirst();
            if (module.isEmpty()) {
                console.progress("skipped", s.name(), "not in this repository", null);
                continue;
            }
            Optional<Path> jar = options.moduleRoots().stream()
                    .map(r -> r.resolve(s.moduleDir()).resolve("target/quarkus-app/quarkus-run.jar"))
                    .filter(Files::exists).findFirst();
            if (jar.isEmpty()) {
                unbuilt.add(s.name());
            } else {
                present.put(s, jar.get());
            }
        }
        if (!unbuilt.isEmpty()) {
            throw new StackStartException(String.join(", ", unbuilt) + " not built (no target/quarkus-app/"
                    + "quarkus-run.jar): deploy/local/run builds them, or ./mvnw -q -DskipTests package -pl "
                    + String.join(",", unbuilt) + " -am");
        }
        return present;
    }
}
