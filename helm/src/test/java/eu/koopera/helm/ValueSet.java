package eu.koopera.helm;

import java.nio.file.Path;
import java.util.Optional;

/** The value sets the chart is tested with: its defaults and each file under koopera/ci/. */
enum ValueSet {
    DEFAULT(null),
    EXTERNAL_DB("external-db.yaml"),
    CLOUDNATIVEPG("cloudnativepg.yaml"),
    HA("ha.yaml");

    private final String fileName;

    ValueSet(String fileName) {
        this.fileName = fileName;
    }

    /** The values file laid over values.yaml, if any. */
    Optional<Path> file() {
        return Optional.ofNullable(fileName).map(name -> Chart.DIR.resolve("ci").resolve(name));
    }
}
