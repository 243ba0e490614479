package eu.koopera.helm;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** values.schema.json turns bad values away before anything renders. */
class ValuesSchemaTest {

    @Test
    void templateRejectsReplicaCountThatIsNotANumber() {
        assertThatThrownBy(() -> Chart.render(ValueSet.DEFAULT, Map.of("replicaCount", "three")))
                .hasMessageContaining("at '/replicaCount': got string, want integer");
    }

    @Test
    void lintRejectsReplicaCountThatIsNotANumber() {
        LintResult result = Chart.lint(ValueSet.DEFAULT, Map.of("replicaCount", "three"));

        assertThat(result.isFailed()).isTrue();
        assertThat(result.getMessages()).anyMatch(message -> message.contains("at '/replicaCount'"));
    }

    @Test
    void rejectsValueTheChartDoesNotKnow() {
        assertThatThrownBy(() -> Chart.render(ValueSet.DEFAULT, Map.of("replicas", "3")))
                .hasMessageContaining("additional properties 'replicas' not allowed");
    }

    @Test
    void rejectsJwtSecretShorterThan32Characters() {
        assertThatThrownBy(() -> Chart.render(ValueSet.DEFAULT, Map.of("jwt.secret", "too-short")))
                .hasMessageContaining("at '/jwt/secret'");
    }

    @Test
    void rejectsIngressHostThatIsNotADomainName() {
        assertThatThrownBy(() -> Chart.render(ValueSet.DEFAULT, Map.of("ingress.hosts[0].host", "https://koopera.example")))
                .hasMessageContaining("at '/ingress/hosts/0/host'");
    }
}
