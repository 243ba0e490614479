package eu.koopera.demo;

import eu.koopera.members.MemberCommand;
import eu.koopera.members.MemberKind;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
import eu.koopera.people.PeopleService;
import eu.koopera.people.PersonCommand;
import eu.koopera.people.PersonSearch;
import eu.koopera.accounts.AccountService;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.Roles;
import eu.koopera.tenancy.SchemaMigrations;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantProvisioner;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.PropagatedContext;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * With {@code --demo} or {@code KOOPERA_DEMO=true}, creates the three demo associations if they are absent: LPS
 * with every Latvian local government, LLPA with the Latvian state cities, LSA with every Lithuanian municipality.
 * Members come from the ISO 3166-2 list shipped in {@code demo/municipalities.csv}, with the ISO code as their
 * code; no other code is invented. Each association gets an administrator {@code admin} whose password is
 * {@code KOOPERA_DEMO_PASSWORD}, or generated and printed once, and a few contact people attached to real member
 * municipalities. The people are plainly fictional: named "Demo", titled as demo contacts, with addresses on
 * {@code example.org} and no phone numbers, so they can never be taken for real officials. Everything goes through
 * the same services as a user's actions, so it is validated and audited (actor {@code demo}).
 */
@Context
@Requires(property = "koopera.demo.enabled", value = "true")
public class DemoAssociations {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAssociations.class);
    private static final String ADMIN = "admin";

    private final TenantRegistry registry;
    private final TenantProvisioner provisioner;
    private final TenantAdmission admission;
    private final AccountService accounts;
    private final MemberService members;
    private final PeopleService people;
    private final @Nullable String configuredPassword;

    DemoAssociations(SchemaMigrations migrations, TenantRegistry registry, TenantProvisioner provisioner,
                     TenantAdmission admission,
                     AccountService accounts, MemberService members, PeopleService people,
                     @Nullable @Value("${koopera.demo.password:}") String configuredPassword) {
        this.registry = registry;
        this.provisioner = provisioner;
        this.admission = admission;
        this.accounts = accounts;
        this.members = members;
        this.people = people;
        this.configuredPassword = configuredPassword;
    }

    @PostConstruct
    void createIfAbsent() {
        List<Municipality> municipalities = municipalities();
        String password = configuredPassword == null || configuredPassword.isBlank() ? null : configuredPassword;
        if (password != null) {
            accounts.requireConfiguredPassword("KOOPERA_DEMO_PASSWORD", ADMIN, password);
        }
        boolean printPassword = false;
        for (Association association : associations()) {
            Tenant tenant = registry.find(association.code()).orElseGet(() -> provisioner.create(association.code(),
                    association.name(), association.country(), association.locale()));
            if (password == null) {
                password = generatePassword();
            }
            printPassword |= createAdminIfAbsent(tenant, password);
            tenant = provisioner.activate(tenant);
            List<Municipality> selected = municipalities.stream().filter(association.members()).toList();
            int created = createMembersIfAbsent(tenant, selected);
            int contacts = createPeopleIfAbsent(tenant, selected.subList(0, association.demoPeople()));
            LOG.info("Demo association {} ({}): {} of {} members and {} of {} demo people created", tenant.code(),
                    tenant.name(), created, selected.size(), contacts, association.demoPeople());
        }
        if (printPassword && (configuredPassword == null || configuredPassword.isBlank())) {
            // on the console only, like the first operator's: a structured log is shipped and kept where a password
            // must not be
            System.out.printf("""

                    ==============================================================
                      Demo associations lps, llpa, lsa are ready
                        username: admin   password: %s
                      This password is shown only once.
                    ==============================================================
                    %n""", password);
            LOG.info("Demo associations ready; their generated administrator password is printed on the console");
        }
    }

    private boolean createAdminIfAbsent(Tenant tenant, String password) {
        try {
            accounts.createTenantUser(tenant, new AccountService.NewUser(ADMIN, password,
                    "admin@" + tenant.code() + ".koopera.example",
                    "lt".equals(tenant.defaultLocale()) ? "Demonstracinis administratorius"
                            : "Demonstrācijas administrators",
                    Set.of(Roles.ASSOCIATION_ADMIN), tenant.defaultLocale()));
            return true;
        } catch (eu.koopera.platform.web.ApiException.Conflict exists) {
            return false;
        }
    }

    private int createMembersIfAbsent(Tenant tenant, List<Municipality> selected) {
        try (PropagatedContext.Scope ignored = asDemoUser(tenant)) {
            // looked up by code, not by browsing a page: an association may have any number of members
            Set<String> existing = members.byCodes(selected.stream().map(Municipality::code).toList()).keySet();
            int created = 0;
            for (Municipality municipality : selected) {
                if (!existing.contains(municipality.code())) {
                    members.create(new MemberCommand(municipality.name(), municipality.code(), municipality.kind(),
                            municipality.country(), null, null, null, null, null, null, null, null));
                    created++;
                }
            }
            return created;
        }
    }

    /** One fictional contact per municipality, found again by their example.org address on later starts. */
    private int createPeopleIfAbsent(Tenant tenant, List<Municipality> municipalities) {
        try (PropagatedContext.Scope ignored = asDemoUser(tenant)) {
            Map<String, MemberResponse> byCode = members.byCodes(municipalities.stream().map(Municipality::code)
                    .toList());
            int created = 0;
            for (int i = 0; i < municipalities.size(); i++) {
                MemberResponse member = byCode.get(municipalities.get(i).code());
                String email = "demo-contact-" + (i + 1) + "." + tenant.code() + "@example.org";
                if (member == null || people.search(new PersonSearch(email, null), 0, 1).total() > 0) {
                    continue;
                }
                boolean lithuanian = "lt".equals(tenant.defaultLocale());
                people.create(new PersonCommand(member.id(), "Demo",
                        (lithuanian ? "Kontaktinis asmuo " : "Kontaktpersona ") + (i + 1),
                        lithuanian ? "Kontaktinis asmuo (išgalvotas)" : "Kontaktpersona (izdomāta)", email, null,
                        List.of(lithuanian ? "lt" : "lv", "en"),
                        lithuanian ? "Sugeneruoti demonstraciniai duomenys; ne tikras asmuo."
                                : "Ģenerēti demonstrācijas dati; nav reāla persona.", null));
                created++;
            }
            return created;
        }
    }

    private PropagatedContext.Scope asDemoUser(Tenant tenant) {
        Caller demo = new Caller("demo", tenant.code(), Set.of(Roles.ASSOCIATION_ADMIN));
        return admission.contextFor(new Admission(demo, tenant)).propagate();
    }

    private static List<Association> associations() {
        return List.of(
                new Association("lps", "Latvijas Pašvaldību savienība", "LV", "lv",
                        municipality -> municipality.country().equals("LV"), 3),
                new Association("llpa", "Latvijas Lielo pilsētu asociācija", "LV", "lv",
                        municipality -> municipality.kind() == MemberKind.STATE_CITY, 2),
                new Association("lsa", "Lietuvos savivaldybių asociacija", "LT", "lt",
                        municipality -> municipality.country().equals("LT"), 4));
    }

    static List<Municipality> municipalities() {
        try (InputStream in = DemoAssociations.class.getClassLoader().getResourceAsStream("demo/municipalities.csv")) {
            if (in == null) {
                throw new IllegalStateException("demo/municipalities.csv is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(",", -1))
                    .map(cells -> new Municipality(cells[0], cells[1], cells[2], MemberKind.valueOf(cells[3])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    record Municipality(String country, String code, String name, MemberKind kind) {
    }

    private record Association(String code, String name, String country, String locale,
                               Predicate<Municipality> members, int demoPeople) {
    }
}
