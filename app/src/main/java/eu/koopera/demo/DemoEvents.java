package eu.koopera.demo;

import eu.koopera.events.CoOrganiserCommand;
import eu.koopera.events.EventCommand;
import eu.koopera.events.EventKind;
import eu.koopera.events.EventPage;
import eu.koopera.events.EventResponse;
import eu.koopera.events.EventService;
import eu.koopera.events.EventStatus;
import eu.koopera.events.ParticipantRole;
import eu.koopera.events.ProgrammeItem;
import eu.koopera.events.RegistrationCommand;
import eu.koopera.events.RegistrationService;
import eu.koopera.events.SeatPool;
import eu.koopera.networks.LocalizedText;
import eu.koopera.people.PeopleService;
import eu.koopera.people.PersonResponse;
import eu.koopera.people.PersonSearch;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.Roles;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The study visits and regional discussions of the seeds, for the demo: LPS's study visits to Norway (organised
 * jointly with LLPA), Poland and Finland on good governance and inter-municipal cooperation, and its regional
 * discussions in Valmiera, Preiļi, Skrunda and Jelgava. The demo contact people of LPS and LLPA are registered for
 * the Norwegian visit. Each event is created, through the events service, only if LPS has none with its Latvian
 * title, so a restart adds nothing twice.
 */
@Context
@Requires(property = "koopera.demo.enabled", value = "true")
class DemoEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEvents.class);
    private static final String RIGA = "Europe/Riga";

    private final TenantRegistry registry;
    private final TenantAdmission admission;
    private final EventService events;
    private final RegistrationService registrations;
    private final PeopleService people;

    /** Runs after the demo associations exist; {@code associations} is asked for that ordering only. */
    DemoEvents(DemoAssociations associations, TenantRegistry registry, TenantAdmission admission,
               EventService events, RegistrationService registrations, PeopleService people) {
        this.registry = registry;
        this.admission = admission;
        this.events = events;
        this.registrations = registrations;
        this.people = people;
    }

    /** The Latvian titles of all of LPS's events, page by page: an association may have any number of them. */
    private Set<String> existingTitles() {
        Set<String> titles = new java.util.HashSet<>();
        for (int page = 0; ; page++) {
            EventPage found = events.search(null, null, null, page, 100);
            found.items().forEach(event -> titles.add(event.title().lv()));
            if (found.items().size() < 100) {
                return titles;
            }
        }
    }

    @PostConstruct
    void createIfAbsent() {
        Tenant lps = registry.find("lps").orElseThrow();
        Tenant llpa = registry.find("llpa").orElseThrow();
        Set<String> existing = as(lps, this::existingTitles);
        int created = 0;
        for (Demo demo : demos()) {
            if (existing.contains(demo.command().title().lv())) {
                continue;
            }
            EventResponse event = as(lps, () -> events.create(demo.command()));
            created++;
            if (demo.jointWithLlpa()) {
                as(lps, () -> events.addCoOrganiser(event.id(), new CoOrganiserCommand(llpa.code(), null)));
                registerDemoContacts(lps, event);
                registerDemoContacts(llpa, event);
            }
        }
        LOG.info("Demo events: {} of {} LPS study visits and regional discussions created", created, demos().size());
    }

    /** Registers the association's fictional demo contacts, all but the first as staff. */
    private void registerDemoContacts(Tenant tenant, EventResponse event) {
        as(tenant, () -> {
            List<PersonResponse> contacts = people.search(new PersonSearch("example.org", null), 0, 10).items();
            for (int i = 0; i < contacts.size(); i++) {
                registrations.register(event.id(), new RegistrationCommand(contacts.get(i).id(),
                        i == 0 ? ParticipantRole.POLITICIAN : ParticipantRole.STAFF, null, null, null));
            }
            return contacts.size();
        });
    }

    /** Work as the association's demo administrator, as if they had signed in. */
    private <T> T as(Tenant tenant, Supplier<T> work) {
        Caller admin = new Caller("demo", tenant.code(), Set.of(Roles.ASSOCIATION_ADMIN));
        return admission.callAs(new Admission(admin, tenant), work);
    }

    private static List<Demo> demos() {
        return List.of(
                new Demo(visit(new LocalizedText("Pieredzes apmaiņas vizīte Norvēģijā: laba pārvaldība un "
                                + "pašvaldību sadarbība", "Patirties mainų vizitas į Norvegiją: geras valdymas ir "
                                + "savivaldybių bendradarbiavimas",
                                "Study visit to Norway: good governance and inter-municipal cooperation"),
                        "NO", "Oslo", "KS — Kommunesektorens organisasjon", LocalDate.of(2027, 5, 10), "Europe/Oslo",
                        20, EventStatus.OPEN, List.of(
                                item(LocalDate.of(2027, 5, 10), 14, "Ierašanās, iepazīšanās", null),
                                item(LocalDate.of(2027, 5, 11), 9, "Pašvaldību sadarbība Norvēģijā", "KS"),
                                item(LocalDate.of(2027, 5, 12), 10, "Vizīte pašvaldībā", "Oslo kommune"),
                                item(LocalDate.of(2027, 5, 13), 9, "Secinājumi un tālākie soļi", "LPS"))),
                        true),
                new Demo(visit(new LocalizedText("Pieredzes apmaiņas vizīte Polijā: pašvaldību sadarbība un laba "
                                + "pārvaldība", "Patirties mainų vizitas į Lenkiją: savivaldybių bendradarbiavimas "
                                + "ir geras valdymas",
                                "Study visit to Poland: municipal cooperation and good governance"),
                        "PL", "Poznań", "Związek Miast Polskich", LocalDate.of(2027, 6, 7), "Europe/Warsaw", 15,
                        EventStatus.OPEN, List.of()), false),
                new Demo(visit(new LocalizedText("Pieredzes apmaiņas vizīte Somijā: laba pārvaldība un pašvaldību "
                                + "sadarbība", "Patirties mainų vizitas į Suomiją: geras valdymas ir savivaldybių "
                                + "bendradarbiavimas",
                                "Study visit to Finland: good governance and municipal cooperation"),
                        "FI", "Helsinki", "Suomen Kuntaliitto", LocalDate.of(2027, 9, 13), "Europe/Helsinki", 15,
                        EventStatus.DRAFT, List.of()), false),
                new Demo(discussion("Valmierā", "Valmiera", LocalDate.of(2027, 3, 4)), false),
                new Demo(discussion("Preiļos", "Preiļi", LocalDate.of(2027, 3, 11)), false),
                new Demo(discussion("Skrundā", "Skrunda", LocalDate.of(2027, 3, 18)), false),
                new Demo(discussion("Jelgavā", "Jelgava", LocalDate.of(2027, 3, 25)), false));
    }

    private static EventCommand visit(LocalizedText title, String country, String city, String host, LocalDate from,
                                      String zone, int capacity, EventStatus status, List<ProgrammeItem> programme) {
        return new EventCommand(EventKind.STUDY_VISIT, title, new LocalizedText("Pašvaldību politiķu un speciālistu "
                        + "pieredzes apmaiņa par labu pārvaldību un pašvaldību sadarbību.", "Savivaldybių politikų ir "
                        + "specialistų patirties mainai apie gerą valdymą ir savivaldybių bendradarbiavimą.",
                "Municipal politicians and staff learn about good governance and cooperation between municipalities."),
                null, country, city, null, List.of(host), from.atTime(9, 0), from.plusDays(3).atTime(18, 0), zone,
                programme, capacity, 2, SeatPool.SHARED, null, from.minusWeeks(3).atStartOfDay(), null, false, null,
                null, null, null, status, null, null, 7, null);
    }

    private static EventCommand discussion(String inPlace, String city, LocalDate day) {
        return new EventCommand(EventKind.REGIONAL_DISCUSSION, new LocalizedText("Reģionālā diskusija " + inPlace,
                "Regioninė diskusija: " + city, "Regional discussion in " + city), new LocalizedText("Pašvaldību "
                + "vadītāju un speciālistu diskusija par reģiona attīstību un pašvaldību sadarbību.", "Savivaldybių "
                + "vadovų ir specialistų diskusija apie regiono plėtrą ir savivaldybių bendradarbiavimą.",
                "Municipal leaders and specialists discuss the region's development and cooperation between "
                + "municipalities."), null, "LV", city, null,
                List.of(), day.atTime(10, 0), day.atTime(14, 0), RIGA, List.of(), 40, null, SeatPool.SHARED, null,
                null, null, false, null, null, null, null, EventStatus.OPEN, null, null, 2, null);
    }

    private static ProgrammeItem item(LocalDate day, int hour, String item, @Nullable String speaker) {
        return new ProgrammeItem(day, LocalTime.of(hour, 0), item, speaker, null);
    }

    private record Demo(EventCommand command, boolean jointWithLlpa) {
    }
}
