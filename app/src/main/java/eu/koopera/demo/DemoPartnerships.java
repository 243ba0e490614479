package eu.koopera.demo;

import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
import eu.koopera.networks.LocalizedText;
import eu.koopera.partnerships.AgreementCommand;
import eu.koopera.partnerships.AgreementResponse;
import eu.koopera.partnerships.AgreementService;
import eu.koopera.partnerships.AgreementStatus;
import eu.koopera.partnerships.AgreementType;
import eu.koopera.partnerships.BudgetService;
import eu.koopera.partnerships.CommitmentCommand;
import eu.koopera.partnerships.ForeignMunicipality;
import eu.koopera.partnerships.LegalForm;
import eu.koopera.partnerships.Organisation;
import eu.koopera.partnerships.PartyCommand;
import eu.koopera.partnerships.PlanCommand;
import eu.koopera.partnerships.PlanService;
import eu.koopera.partnerships.PlanStep;
import eu.koopera.partnerships.SpendingCommand;
import eu.koopera.partnerships.StepStatus;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Partnerships for the demo: in LSA the cooperation agreement Kėdainiai and Raseiniai district municipalities signed
 * in Dotnuva on 17 October 2023 (four forms of cooperation, at least 5,000 EUR a year each in 2024–2026), with
 * spending recorded for 2024 and 2025; in LPS a twinning of Valmiera with a foreign town and a community partnership
 * with its five steps. The spending, the twinning and the partnership are made up for the demo and say so. Created
 * through the partnership services, only while the association has no agreements, so a restart adds nothing twice.
 */
@Context
@Requires(property = "koopera.demo.enabled", value = "true")
class DemoPartnerships {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPartnerships.class);
    private static final String DEMO = "Demonstraciniai duomenys, išgalvotos išlaidos.";

    private final TenantRegistry registry;
    private final TenantAdmission admission;
    private final AgreementService agreements;
    private final BudgetService budget;
    private final PlanService plans;
    private final MemberService members;

    /** Runs after the demo associations exist; {@code associations} is asked for that ordering only. */
    DemoPartnerships(DemoAssociations associations, TenantRegistry registry, TenantAdmission admission,
                     AgreementService agreements, BudgetService budget, PlanService plans, MemberService members) {
        this.registry = registry;
        this.admission = admission;
        this.agreements = agreements;
        this.budget = budget;
        this.plans = plans;
        this.members = members;
    }

    @PostConstruct
    void createIfAbsent() {
        Tenant lsa = registry.find("lsa").orElseThrow();
        Tenant lps = registry.find("lps").orElseThrow();
        if (as(lsa, () -> agreements.search(null, null, null, 0, 1).total()) == 0) {
            as(lsa, this::kedainiaiRaseiniai);
        }
        if (as(lps, () -> agreements.search(null, null, null, 0, 1).total()) == 0) {
            as(lps, this::valmiera);
        }
        LOG.info("Demo partnerships present in LSA and LPS");
    }

    private int kedainiaiRaseiniai() {
        Map<String, MemberResponse> byCode = members.byCodes(List.of("LT-18", "LT-38"));
        AgreementResponse agreement = agreements.create(new AgreementCommand(AgreementType.COOPERATION_AGREEMENT,
                new LocalizedText("Sadarbības līgums par kopienu organizāciju stiprināšanu",
                        "Bendradarbiavimo sutartis dėl bendruomeninių organizacijų stiprinimo",
                        "Cooperation agreement on strengthening community organisations"),
                List.of(member(byCode.get("LT-18")), member(byCode.get("LT-38"))), null, List.of(
                        new LocalizedText(null, "Abipusės konsultacijos bendruomenių verslo ir viešųjų paslaugų "
                                + "perdavimo bendruomeninėms organizacijoms klausimais", "Mutual consultations on "
                                + "community business and on handing public services to community organisations"),
                        new LocalizedText(null, "Dalijimasis specialistų žiniomis, tyrimais ir gerąja patirtimi",
                                "Sharing specialists' knowledge, research and good practice"),
                        new LocalizedText(null, "Bendri projektai bendruomeninėms organizacijoms ir pilietiniam "
                                + "dalyvavimui", "Joint projects for community organisations and civic participation"),
                        new LocalizedText(null, "Šalių populiarinimas", "Promoting the parties")),
                "Stiprinti bendruomenines organizacijas; kiekviena šalis skiria ne mažiau kaip 5 000 EUR per metus.",
                LocalDate.of(2023, 10, 17), "Dotnuva", LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31),
                LocalDate.of(2026, 10, 1), AgreementStatus.ACTIVE, null, null, null));
        for (int party = 0; party < 2; party++) {
            for (int year = 2024; year <= 2026; year++) {
                budget.commit(agreement.id(), new CommitmentCommand(agreement.parties().get(party).id(), year,
                        new BigDecimal("5000"), "EUR"));
            }
        }
        spend(agreement, 0, "2024-04-18", "1850.40", "Bendruomenių lyderių mokymai. " + DEMO);
        spend(agreement, 0, "2024-10-03", "3200.00", "Bendruomenių verslo konsultacijos. " + DEMO);
        spend(agreement, 0, "2025-05-21", "2100.75", "Gerosios patirties forumas. " + DEMO);
        spend(agreement, 1, "2024-06-12", "4999.99", "Bendri projektai bendruomenėms. " + DEMO);
        spend(agreement, 1, "2025-03-07", "1500.00", "Specialistų vizitas į Kėdainius. " + DEMO);
        return 1;
    }

    private int valmiera() {
        MemberResponse valmiera = members.byCodes(List.of("LV-113")).get("LV-113");
        agreements.create(new AgreementCommand(AgreementType.TWINNING,
                new LocalizedText("Sadraudzības pilsētas: Valmiera un Pērnava (demonstrācijas dati)",
                        "Miestai partneriai: Valmiera ir Pernu (demonstraciniai duomenys)",
                        "Twin towns: Valmiera and Pärnu (demo data)"),
                List.of(member(valmiera), new PartyCommand(null, null, new ForeignMunicipality("Pärnu", "EE"), null)),
                null, List.of(new LocalizedText("Sadraudzības komiteja ar iedzīvotājiem un amatpersonām",
                        "Partnerystės komitetas su gyventojais ir pareigūnais",
                        "A twinning committee of residents and officials")),
                "Izdomāts demonstrācijas piemērs.", LocalDate.of(2019, 5, 4), "Valmiera", LocalDate.of(2019, 5, 4),
                null, LocalDate.of(2027, 5, 4), AgreementStatus.ACTIVE, null, null, null));
        AgreementResponse partnership = agreements.create(new AgreementCommand(AgreementType.COMMUNITY_PARTNERSHIP,
                new LocalizedText("Kopienu partnerība: pakalpojumi senioriem (demonstrācijas dati)",
                        "Bendruomenių partnerystė: paslaugos senjorams (demonstraciniai duomenys)",
                        "Community partnership: services for seniors (demo data)"),
                List.of(member(valmiera), new PartyCommand(null, null, null,
                        new Organisation("Biedrība „Senioru kopiena” (izdomāta)", null, "NGO"))),
                LegalForm.PREMISES_AND_RESOURCES, List.of(), "Izdomāts demonstrācijas piemērs.",
                LocalDate.of(2025, 2, 1), "Valmiera", LocalDate.of(2025, 2, 1), LocalDate.of(2027, 1, 31), null,
                AgreementStatus.ACTIVE, null, null, null));
        plans.replace(partnership.id(), new PlanCommand(List.of(
                step(PlanStep.SHARED_OUTCOME, "Seniori saņem atbalstu tuvu mājām", StepStatus.DONE, "2025-02-01"),
                step(PlanStep.SHARED_STRATEGY, "Kopīga rīcības programma 2025–2027", StepStatus.DONE, "2025-03-15"),
                step(PlanStep.ROLES_AND_RESPONSIBILITIES, "Novads nodrošina telpas, biedrība – brīvprātīgos",
                        StepStatus.DONE, "2025-04-01"),
                step(PlanStep.COMPATIBLE_PROCEDURES, "Kopīga pieteikšanās un uzskaites kārtība",
                        StepStatus.IN_PROGRESS, "2025-09-30"),
                step(PlanStep.MONITORING_AND_EVALUATION, "Ikgadējs novērtējums un publisks pārskats",
                        StepStatus.NOT_STARTED, "2026-02-01")), "Pirmais novērtējums plānots 2026. gada februārī."));
        return 2;
    }

    private void spend(AgreementResponse agreement, int party, String date, String amount, String purpose) {
        budget.spend(agreement.id(), new SpendingCommand(agreement.parties().get(party).id(), LocalDate.parse(date),
                new BigDecimal(amount), "EUR", purpose));
    }

    private static PartyCommand member(MemberResponse member) {
        return new PartyCommand(null, member.id(), null, null);
    }

    private static PlanCommand.Step step(PlanStep step, String content, StepStatus status, String date) {
        return new PlanCommand.Step(step, content, "Valmieras novada pašvaldība", status, LocalDate.parse(date));
    }

    /** Work as the association's demo administrator, as if they had signed in. */
    private <T> T as(Tenant tenant, Supplier<T> work) {
        Caller admin = new Caller("demo", tenant.code(), Set.of(Roles.ASSOCIATION_ADMIN));
        return admission.callAs(new Admission(admin, tenant), work);
    }
}
