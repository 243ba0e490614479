package eu.koopera.ui;

import eu.koopera.events.EventKind;
import eu.koopera.events.EventStatus;
import eu.koopera.events.ParticipantRole;
import eu.koopera.events.RegistrationStatus;
import eu.koopera.members.MemberKind;
import eu.koopera.members.MembershipStatus;
import eu.koopera.audit.AuditAction;
import eu.koopera.audit.ui.AuditEntityTypes;
import eu.koopera.platform.mail.MailStatus;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.tenancy.MigrationStatus;
import eu.koopera.tenancy.TenantStatus;
import eu.koopera.ui.i18n.KooperaI18n;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every string the portals show exists in English, Latvian and Lithuanian. */
class I18nBundlesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("getTranslation\\(\"([a-zA-Z0-9.]+)\"");

    @Test
    void theThreeLanguagesHaveTheSameKeysAndNoEmptyTexts() throws IOException {
        Properties english = bundle("messages.properties");
        for (String file : List.of("messages_lv.properties", "messages_lt.properties")) {
            Properties other = bundle(file);
            assertThat(other.stringPropertyNames()).as(file).isEqualTo(english.stringPropertyNames());
            assertThat(other.values()).as(file).allSatisfy(text -> assertThat((String) text).isNotBlank());
        }
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Properties english = bundle("messages.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(source));
                while (matcher.find()) {
                    if (!matcher.group(1).endsWith(".")) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        List<String> composed = new ArrayList<>();
        Arrays.stream(MemberKind.values()).forEach(kind -> composed.add("members.kind." + kind));
        Arrays.stream(MembershipStatus.values()).forEach(status -> composed.add("members.status." + status));
        Arrays.stream(TenantStatus.values()).forEach(status -> composed.add("tenants.status." + status));
        Arrays.stream(MigrationStatus.values()).forEach(status -> composed.add("tenants.migration." + status));
        Arrays.stream(AuditAction.values()).forEach(action -> composed.add("audit.action." + action));
        AuditEntityTypes.KNOWN.forEach(type -> composed.add("audit.entity." + type));
        Arrays.stream(MailStatus.values()).forEach(status -> composed.add("mail.status." + status));
        Arrays.stream(TableFormat.values()).forEach(format -> composed.add("members.export." + format.extension()));
        Stream.concat(Roles.TENANT_ROLES.stream(), Stream.of(Roles.PLATFORM_OPERATOR))
                .forEach(role -> composed.add("role." + role));
        KooperaI18n.LOCALES.stream().map(Locale::getLanguage).forEach(language -> composed.add("language." + language));
        Arrays.stream(EventKind.values()).forEach(kind -> composed.add("event.kind." + kind));
        Arrays.stream(EventStatus.values()).forEach(status -> composed.add("event.status." + status));
        Arrays.stream(ParticipantRole.values()).forEach(role -> composed.add("event.role." + role));
        Arrays.stream(RegistrationStatus.values()).forEach(status -> {
            composed.add("event.registration.status." + status);
            composed.add("event.registered." + status);
        });
        Arrays.stream(TableFormat.values()).forEach(format -> {
            composed.add("event.download.participants." + format.extension());
            composed.add("event.download.hostList." + format.extension());
        });
        IntStream.rangeClosed(1, 5).forEach(rating -> composed.add("event.feedback.rating." + rating));
        used.addAll(composed);

        assertThat(used).hasSizeGreaterThan(80);
        assertThat(english.stringPropertyNames()).containsAll(used);
    }

    @Test
    void translationsAreLookedUpByLocaleWithEnglishAsTheFallback() {
        KooperaI18n i18n = new KooperaI18n();
        assertThat(i18n.getTranslation("nav.members", KooperaI18n.LATVIAN)).isEqualTo("Biedri");
        assertThat(i18n.getTranslation("nav.members", KooperaI18n.LITHUANIAN)).isEqualTo("Nariai");
        assertThat(i18n.getTranslation("nav.members", Locale.GERMAN)).isEqualTo("Members");
        assertThat(i18n.getTranslation("members.saved", KooperaI18n.LITHUANIAN, "Kauno")).isEqualTo("Kauno išsaugota.");
    }

    private static final Pattern PROBLEM_CODE = Pattern.compile("FieldError\\.cell\\([^;]*?\"(import\\.[a-zA-Z.]+)\"",
            Pattern.DOTALL);

    /**
     * Words a user would read, passed straight to a component: {@code new Button("Save")}, {@code setLabel("Name")},
     * {@code new Span("No data")} and the like. Views must take them from the bundles.
     */
    private static final Pattern ENGLISH_LITERAL = Pattern.compile(
            "(?:new (?:Button|Span|Paragraph|H[1-6]|Anchor|RouterLink|Checkbox|TextField|TextArea|Tab|Details"
            + "|ListItem)\\(|\\.(?:setLabel|setText|setPlaceholder|setHeader|setHelperText|setErrorMessage"
            + "|setHeaderTitle|setTitle|setConfirmText|setCancelText|setAriaLabel)\\()\\s*\"([^\"]*[A-Za-z]{2,}[^\"]*)\"");

    @Test
    void everyProblemCodeTheServicesGiveIsTranslated() throws IOException {
        Properties english = bundle("messages.properties");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("..", "app", "src", "main", "java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = PROBLEM_CODE.matcher(Files.readString(source));
                while (matcher.find()) {
                    codes.add("problem." + matcher.group(1));
                }
            }
        }
        assertThat(codes).hasSizeGreaterThan(8);
        assertThat(english.stringPropertyNames()).containsAll(codes);
    }

    private static final Pattern REFUSAL_CODE = Pattern.compile("withCode\\(\"([a-z.-]+)\"\\)");

    /** The events views show a refusal by its code ({@code event.problem.<code>}), so every code needs a text. */
    @Test
    void everyEventRefusalCodeIsTranslated() throws IOException {
        Properties english = bundle("messages.properties");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("..", "app", "src", "main", "java", "eu", "koopera",
                "events"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = REFUSAL_CODE.matcher(Files.readString(source));
                while (matcher.find()) {
                    codes.add("event.problem." + matcher.group(1));
                }
            }
        }
        assertThat(codes).hasSizeGreaterThan(20);
        assertThat(english.stringPropertyNames()).containsAll(codes);
    }

    private static final Pattern FIELD_CODE = Pattern.compile("FieldError\\.field\\(\\s*\"[^\"]*\",\\s*\"([a-z.-]+)\"");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern REFUSAL = Pattern.compile("new ApiException\\.[A-Za-z]+\\(");

    /**
     * The register's services (members, people and invitations, associations) name every refusal and every field
     * error with a code, and the UI has a text for each ({@code problem.<code>}), so no English reaches a Latvian
     * or Lithuanian screen.
     */
    @Test
    void everyRefusalOfTheRegisterHasACodeWithATranslation() throws IOException {
        Properties english = bundle("messages.properties");
        Set<String> codes = new TreeSet<>();
        List<String> withoutCode = new ArrayList<>();
        for (String feature : List.of("members", "people", "associations")) {
            try (Stream<Path> sources = Files.walk(Path.of("..", "app", "src", "main", "java", "eu", "koopera",
                    feature))) {
                for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(source);
                    for (Pattern pattern : List.of(REFUSAL_CODE, FIELD_CODE)) {
                        Matcher matcher = pattern.matcher(text);
                        while (matcher.find()) {
                            codes.add("problem." + matcher.group(1));
                        }
                    }
                    // a refusal names its code before its statement ends; strings may hold a ';'
                    String code = STRING_LITERAL.matcher(text).replaceAll("\"\"");
                    Matcher refusal = REFUSAL.matcher(code);
                    while (refusal.find()) {
                        String statement = code.substring(refusal.start(), code.indexOf(';', refusal.start()));
                        if (!statement.contains(".withCode(")) {
                            withoutCode.add(source.getFileName() + ": " + statement.lines().findFirst().orElse(""));
                        }
                    }
                    if (code.contains("new Problem.FieldError(")) {
                        withoutCode.add(source.getFileName() + ": a FieldError without a code");
                    }
                }
            }
        }
        assertThat(withoutCode).as("refusals without a code").isEmpty();
        assertThat(codes).hasSizeGreaterThan(25);
        assertThat(english.stringPropertyNames()).containsAll(codes);
    }

    @Test
    void memberKindsAreNamedAsTheImportAcceptsThem() throws IOException {
        for (String language : List.of("en", "lv", "lt")) {
            Properties bundle = bundle(language.equals("en") ? "messages.properties"
                    : "messages_" + language + ".properties");
            for (MemberKind kind : MemberKind.values()) {
                assertThat(bundle.getProperty("members.kind." + kind)).as(language + " " + kind)
                        .isEqualTo(kind.label(language));
            }
        }
    }

    @Test
    void viewsShowNoTextThatBypassesTheBundles() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = ENGLISH_LITERAL.matcher(Files.readString(source));
                while (matcher.find()) {
                    if (!NOT_WORDS.contains(matcher.group(1))) {
                        literals.add(source.getFileName() + ": \"" + matcher.group(1) + "\"");
                    }
                }
            }
        }
        assertThat(literals).as("texts shown without the bundles").isEmpty();
    }

    /** Texts that are the same in every language, or are not shown to people (an HTTP header name). */
    private static final Set<String> NOT_WORDS = Set.of("Koopera", "https://", "X-Content-Type-Options");

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
