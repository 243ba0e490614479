package eu.koopera.ui;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.data.annotation.Repository;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice layout over both modules, the backend ({@code app}) and the portals ({@code ui}) together: each
 * capability is {@code eu.koopera.<feature>} with its views in {@code eu.koopera.<feature>.ui}; tenancy and platform
 * know no feature; the backend knows no UI; a feature reaches another only through its services.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SliceArchitectureTest {

    /** The capabilities; each is one backend package and one UI package. */
    static final Set<String> FEATURES = Set.of("accounts", "associations", "audit", "members", "networks", "events",
            "people", "demo", "dashboard", "benchlearning", "partnerships");

    private JavaClasses classes;

    @BeforeAll
    void importBothModules() {
        // production classes only: neither this module's tests nor the app's test jar
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("eu.koopera");
        assertThat(classes.contain("eu.koopera.tenancy.TenantAdmission")).as("app classes imported").isTrue();
        assertThat(classes.contain("eu.koopera.members.ui.MembersView")).as("ui classes imported").isTrue();
    }

    @Test
    void tenancyAndPlatformImportNoFeature() {
        ArchRule rule = noClasses().that().resideInAnyPackage("eu.koopera.tenancy..", "eu.koopera.platform..")
                .should().dependOnClassesThat(belongToAFeature());
        rule.check(classes);
    }

    @Test
    void thePlatformImportsNotEvenTenancy() {
        ArchRule rule = noClasses().that().resideInAPackage("eu.koopera.platform..")
                .should().dependOnClassesThat().resideInAPackage("eu.koopera.tenancy..");
        rule.check(classes);
    }

    @Test
    void theUiFrameImportsNoFeatureView() {
        ArchRule rule = noClasses().that().resideInAPackage("eu.koopera.ui..")
                .should().dependOnClassesThat(belongToAFeatureUi());
        rule.check(classes);
    }

    @Test
    void theBackendImportsNoUi() {
        ArchRule rule = noClasses().that(belongToTheBackend())
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "eu.koopera.ui..")
                .orShould().dependOnClassesThat(belongToAFeatureUi());
        rule.check(classes);
    }

    @Test
    void aFeatureReachesAnotherOnlyThroughItsServices() {
        ArchRule rule = classes().that(belongToAFeature()).should(useOtherFeaturesOnlyThroughServices());
        rule.check(classes);
    }

    private static String featureOf(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length > 2 && parts[0].equals("eu") && parts[1].equals("koopera") && FEATURES.contains(parts[2])
                ? parts[2] : null;
    }

    private static DescribedPredicate<JavaClass> belongToAFeature() {
        return DescribedPredicate.describe("belong to a feature " + FEATURES, type -> featureOf(type) != null);
    }

    private static DescribedPredicate<JavaClass> belongToAFeatureUi() {
        return DescribedPredicate.describe("belong to a feature's UI (eu.koopera.<feature>.ui)",
                type -> featureOf(type) != null && type.getPackageName().matches("eu\\.koopera\\.\\w+\\.ui(\\..*)?"));
    }

    private static DescribedPredicate<JavaClass> belongToTheBackend() {
        return DescribedPredicate.describe("belong to the backend", type -> type.getPackageName().startsWith("eu.koopera")
                && !type.getPackageName().startsWith("eu.koopera.ui")
                && !type.getPackageName().matches("eu\\.koopera\\.\\w+\\.ui(\\..*)?"));
    }

    /** Another feature's repositories, jOOQ query classes and controllers are its own business. */
    private static boolean isInternal(JavaClass type) {
        return type.isAssignableTo(GenericRepository.class) || type.isAnnotatedWith(Repository.class)
                || type.getSimpleName().endsWith("Queries") || type.isAnnotatedWith(Controller.class);
    }

    private static ArchCondition<JavaClass> useOtherFeaturesOnlyThroughServices() {
        return new ArchCondition<>("use other features only through their services") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String feature = featureOf(origin);
                origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    String other = featureOf(target);
                    if (other != null && !other.equals(feature) && isInternal(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }
}
