package eu.koopera.demo;

import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberSearch;
import eu.koopera.members.MemberService;
import eu.koopera.networks.AcceptInvitationCommand;
import eu.koopera.networks.ActivityCommand;
import eu.koopera.networks.ActivityService;
import eu.koopera.networks.InvitationCommand;
import eu.koopera.networks.LocalizedText;
import eu.koopera.networks.MeetingCommand;
import eu.koopera.networks.MeetingKind;
import eu.koopera.networks.MeetingService;
import eu.koopera.networks.MilestoneStatus;
import eu.koopera.networks.NetworkCommand;
import eu.koopera.networks.NetworkInvitationResponse;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.NetworkService;
import eu.koopera.networks.NetworkStatus;
import eu.koopera.networks.ParticipationService;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.Roles;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The cooperation networks LPS ran in 2021–2024, for the demo: five thematic networks coordinated by LPS, one of
 * them (cooperation with residents) shared with the Lithuanian association LSA, where two Lithuanian
 * municipalities take part, with the seminar of 7 April 2022 that presented the five networks and a pilot
 * activity. Created once; a start that finds LPS networks leaves them alone.
 */
@Context
@Requires(property = "koopera.demo.enabled", value = "true")
class DemoNetworks {

    private static final Logger LOG = LoggerFactory.getLogger(DemoNetworks.class);
    private static final LocalDate STARTS = LocalDate.of(2022, 4, 7); // the seminar presenting the five networks
    private static final LocalDate ENDS = LocalDate.of(2024, 4, 30);
    private static final String SHARED_THEME = "residents";

    private final TenantRegistry registry;
    private final TenantAdmission admission;
    private final NetworkService networks;
    private final ParticipationService participation;
    private final MemberService members;
    private final MeetingService meetings;
    private final ActivityService activities;

    /** Runs after the demo associations exist; {@code associations} is asked for that ordering only. */
    DemoNetworks(DemoAssociations associations, TenantRegistry registry, TenantAdmission admission,
                 NetworkService networks, ParticipationService participation, MemberService members,
                 MeetingService meetings, ActivityService activities) {
        this.registry = registry;
        this.admission = admission;
        this.networks = networks;
        this.participation = participation;
        this.members = members;
        this.meetings = meetings;
        this.activities = activities;
    }

    @PostConstruct
    void createIfAbsent() {
        Tenant lps = registry.find("lps").orElseThrow();
        Tenant lsa = registry.find("lsa").orElseThrow();
        if (as(lps, () -> networks.search(null, null, 0, 1).total()) > 0) {
            return;
        }
        List<NetworkResponse> created = new ArrayList<>();
        NetworkResponse shared = null;
        for (Theme theme : themes()) {
            NetworkResponse network = as(lps, () -> networks.create(new NetworkCommand(theme.name(),
                    theme.description(), theme.code(), NetworkStatus.CLOSED, STARTS, ENDS, 3, null)));
            created.add(network);
            if (theme.code().equals(SHARED_THEME)) {
                shared = network;
            }
        }
        NetworkResponse withResidents = shared;
        as(lps, () -> participation.invite(withResidents.id(), new InvitationCommand(lsa.code())));
        int lithuanian = as(lsa, () -> {
            List<Long> chosen = new ArrayList<>();
            for (String name : List.of("Kauno miestas", "Klaipėdos miestas")) {
                members.search(MemberSearch.text(name), 0, 1).items().stream().findFirst()
                        .map(MemberResponse::id).ifPresent(chosen::add);
            }
            NetworkInvitationResponse invitation = participation.received().stream()
                    .filter(received -> received.networkId().equals(withResidents.id())).findFirst().orElseThrow();
            participation.accept(invitation.id(), new AcceptInvitationCommand(chosen));
            return chosen.size();
        });
        as(lps, () -> meetings.create(withResidents.id(), new MeetingCommand(MeetingKind.SEMINAR,
                new LocalizedText("Seminārs: piecu sadarbības tīklu prezentācija",
                        "Seminaras: penkių bendradarbiavimo tinklų pristatymas",
                        "Seminar presenting the five cooperation networks"),
                LocalDateTime.of(2022, 4, 7, 10, 0), LocalDateTime.of(2022, 4, 7, 13, 0), "Europe/Riga",
                "Latvijas Pašvaldību savienība, Mazā Pils iela 1, Rīga", null,
                "Tīklu mērķi, pilotaktivitātes, pieteikšanās kārtība.", null, null, null, null)));
        as(lps, () -> activities.create(withResidents.id(), new ActivityCommand(
                "Līdzdalības budžets divās pašvaldībās", lsa.code(), kaunas(lsa),
                "Iedzīvotāju aptauja, nolikums, projektu konkurss, balsojums.", null, List.of(
                        new ActivityCommand.Milestone("Iedzīvotāju aptauja", LocalDate.of(2022, 9, 30),
                                MilestoneStatus.DONE),
                        new ActivityCommand.Milestone("Līdzdalības budžeta nolikums", LocalDate.of(2023, 3, 31),
                                MilestoneStatus.DONE),
                        new ActivityCommand.Milestone("Pirmais balsojums", LocalDate.of(2023, 10, 15),
                                MilestoneStatus.DONE)), null)));
        LOG.info("Demo networks: {} LPS networks created, one shared with LSA and {} Lithuanian municipalities, "
                + "with the seminar of 7 April 2022 and a pilot activity", created.size(), lithuanian);
    }

    private long kaunas(Tenant lsa) {
        return as(lsa, () -> members.search(MemberSearch.text("Kauno miestas"), 0, 1).items().getFirst().id());
    }

    /** Work as the association's demo administrator, as if they had signed in. */
    private <T> T as(Tenant tenant, Supplier<T> work) {
        Caller admin = new Caller("admin", tenant.code(), Set.of(Roles.ASSOCIATION_ADMIN));
        return admission.callAs(new Admission(admin, tenant), work);
    }

    private static List<Theme> themes() {
        return List.of(
                new Theme("capital-companies", new LocalizedText("Kapitālsabiedrības un iekšējie iepirkumi",
                        "Kapitalo bendrovės ir vidaus pirkimai", "Capital companies and in-house procurement"),
                        new LocalizedText("Pašvaldību kapitālsabiedrību pārvaldība un iepirkumi no pašu "
                                + "kapitālsabiedrībām.", "Savivaldybių bendrovių valdymas ir pirkimai iš savo "
                                + "bendrovių.", "Governance of municipal companies and procurement from the "
                                + "municipality's own companies.")),
                new Theme("riga-metropolitan", new LocalizedText("Sadarbība Rīgas metropoles areālā",
                        "Bendradarbiavimas Rygos metropolinėje zonoje",
                        "Cooperation within the Riga metropolitan area"),
                        new LocalizedText("Rīgas un apkārtējo novadu kopīgi pakalpojumi, transports un attīstības "
                                + "plānošana.", "Rygos ir aplinkinių savivaldybių bendros paslaugos, transportas ir "
                                + "plėtros planavimas.", "Joint services, transport and development planning of "
                                + "Riga and the surrounding municipalities.")),
                new Theme("state-cities", new LocalizedText("Valstspilsētas un apkārtējās pašvaldības",
                        "Valstybiniai miestai ir aplinkinės savivaldybės",
                        "State cities with their surrounding municipalities"),
                        new LocalizedText("Valstspilsētu un to apkārtējo novadu sadarbība pakalpojumu sniegšanā.",
                                "Valstybinių miestų ir aplinkinių savivaldybių bendradarbiavimas teikiant paslaugas.",
                                "State cities and their surrounding municipalities working together on services.")),
                new Theme(SHARED_THEME, new LocalizedText("Sadarbība ar iedzīvotājiem",
                        "Bendradarbiavimas su gyventojais", "Cooperation with residents"),
                        new LocalizedText("Iedzīvotāju līdzdalība lēmumu pieņemšanā: līdzdalības budžets, "
                                + "konsultācijas, kopienas.", "Gyventojų dalyvavimas priimant sprendimus: "
                                + "dalyvaujamasis biudžetas, konsultacijos, bendruomenės.", "Residents taking part "
                                + "in decisions: participatory budgeting, consultations, communities.")),
                new Theme("historical-lands", new LocalizedText("Sadarbība vēsturiskajās zemēs",
                        "Bendradarbiavimas istoriniuose regionuose", "Cooperation within the historical lands"),
                        new LocalizedText("Kurzemes, Latgales, Sēlijas, Vidzemes un Zemgales novadu kopīgas "
                                + "iniciatīvas.", "Kuržemės, Latgalos, Sėlos, Vidžemės ir Žiemgalos savivaldybių "
                                + "bendros iniciatyvos.", "Joint initiatives of the municipalities of Kurzeme, "
                                + "Latgale, Sēlija, Vidzeme and Zemgale.")));
    }

    /** A network theme, named and described in Latvian, Lithuanian and English. */
    private record Theme(String code, LocalizedText name, LocalizedText description) {
    }
}
