package eu.koopera;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.http.annotation.Controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The shape the code keeps: features by package, calls one way, SQL only behind services. */
@AnalyzeClasses(packages = "eu.koopera", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("eu.koopera.(**)")
            .should().beFreeOfCycles()
            .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.describe("generated jOOQ code",
                            (JavaClass javaClass) -> javaClass.getPackageName().startsWith("eu.koopera.jooq")),
                    com.tngtech.archunit.base.DescribedPredicate.alwaysTrue());

    @ArchTest
    static final ArchRule controllersDoNotTouchPersistence = noClasses().that().areAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().areAssignableTo(GenericRepository.class)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "eu.koopera.jooq..")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Queries");

    @ArchTest
    static final ArchRule repositoriesStayInTheirFeature = classes().that().areAssignableTo(GenericRepository.class)
            .should(beUsedOnlyInsideTheirFeature());

    @ArchTest
    static final ArchRule generatedJooqClassesAreUsedOnlyByQueriesAndInfrastructure = noClasses()
            .that().resideOutsideOfPackages("eu.koopera.jooq..", "eu.koopera.audit..", "eu.koopera.platform.audit..")
            .and().haveSimpleNameNotEndingWith("Queries")
            .should().dependOnClassesThat().resideInAPackage("eu.koopera.jooq..");

    @ArchTest
    static final ArchRule backendDoesNotDependOnTheUi = noClasses().that().resideInAPackage("eu.koopera..")
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..");

    @ArchTest
    static final ArchRule onlyTheTenancyMechanismSetsSchemas = noClasses()
            .that().resideOutsideOfPackages("eu.koopera.tenancy", "eu.koopera.migrations..")
            .should().callMethod(java.sql.Connection.class, "setSchema", String.class);

    private static ArchCondition<JavaClass> beUsedOnlyInsideTheirFeature() {
        return new ArchCondition<>("be used only inside their feature package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                String feature = featureOf(repository.getPackageName());
                repository.getAccessesToSelf().forEach(access -> {
                    JavaClass caller = access.getOriginOwner();
                    if (!featureOf(caller.getPackageName()).equals(feature)) {
                        events.add(SimpleConditionEvent.violated(access, caller.getName() + " uses "
                                + repository.getSimpleName() + " of another feature"));
                    }
                });
            }
        };
    }

    /** {@code eu.koopera.tenancy.admin} and {@code eu.koopera.tenancy} are one feature; so are platform.x.y and platform.x. */
    private static String featureOf(String packageName) {
        String[] parts = packageName.split("\\.");
        int depth = parts.length > 2 && parts[2].equals("platform") ? 4 : 3;
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(depth, parts.length)));
    }
}
